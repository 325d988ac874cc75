// lianfa pages: keyboard shortcuts, upload with progress, batch events, evidence navigation.
// Text from the server is only ever set with textContent, never parsed as HTML.
"use strict";

const csrfToken = () => document.querySelector('meta[name="csrf-token"]').content;
const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

function toggleHelp(show) {
  const help = document.getElementById("help");
  help.hidden = show === undefined ? !help.hidden : !show;
  if (!help.hidden) help.querySelector("[data-help-close]").focus();
}

function onKeys(handlers) {
  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === "Escape") { toggleHelp(false); document.querySelectorAll("details[open]").forEach((d) => { d.open = false; }); return; }
    if (typing(ev.target)) return;
    if (ev.key === "?") { ev.preventDefault(); toggleHelp(); return; }
    const fn = handlers[ev.key];
    if (fn) { ev.preventDefault(); fn(ev); }
  });
}

function formatBytes(n) {
  if (n >= 1048576) return (n / 1048576).toFixed(1) + " MB";
  if (n >= 1024) return (n / 1024).toFixed(0) + " KB";
  return n + " B";
}

// ---- upload ----------------------------------------------------------------------------------
function readEntries(reader) {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry, prefix, out) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    out.push({ file, name: prefix + file.name });
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) {
      for (const child of batch) await walk(child, prefix + entry.name + "/", out);
    }
  }
}

async function droppedFiles(dataTransfer) {
  const out = [];
  const entries = [...dataTransfer.items].map((it) => it.webkitGetAsEntry && it.webkitGetAsEntry()).filter(Boolean);
  if (entries.length) {
    for (const e of entries) await walk(e, "", out);
  } else {
    for (const f of dataTransfer.files) out.push({ file: f, name: f.name });
  }
  return out;
}

// Files go up in chunks through /api/uploads (each resumable: after a dropped connection the page asks
// the server how far the file got and sends the rest), four files at a time; then they become a batch.
const CHUNK = 2 * 1024 * 1024;
const PARALLEL = 4;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function apiJson(method, path, body) {
  const r = await fetch(path, {
    method, credentials: "same-origin",
    headers: { "X-CSRF-Token": csrfToken(), "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(typeof data.detail === "string" ? data.detail : "服务器返回 " + r.status);
  return data;
}

async function sendFile(file, name, onProgress) {
  const { id } = await apiJson("POST", "/api/uploads", { name, size: file.size });
  let offset = 0;
  let failures = 0;
  while (offset < file.size) {
    try {
      const r = await fetch("/api/uploads/" + id + "?offset=" + offset, {
        method: "PUT", credentials: "same-origin", headers: { "X-CSRF-Token": csrfToken() },
        body: file.slice(offset, offset + CHUNK),
      });
      const data = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error(typeof data.detail === "string" ? data.detail : "服务器返回 " + r.status);
      offset = data.offset;
      failures = 0;
    } catch (err) {
      failures += 1;
      if (failures > 6) throw err;
      await sleep(500 * failures);
      try { offset = (await apiJson("GET", "/api/uploads/" + id)).offset; } catch (e) { /* retried next turn */ }
    }
    onProgress(offset);
  }
  return id;
}

async function upload(entries) {
  if (!entries.length) return;
  const panel = document.getElementById("upload-panel");
  const body = document.getElementById("upload-files");
  const errorBox = document.getElementById("upload-error");
  panel.hidden = false;
  errorBox.hidden = true;
  body.textContent = "";
  const rows = entries.map(({ file, name }) => {
    const tr = document.createElement("tr");
    const tdName = document.createElement("td"); tdName.className = "name"; tdName.textContent = name;
    const tdSize = document.createElement("td"); tdSize.className = "num"; tdSize.textContent = formatBytes(file.size);
    const tdBar = document.createElement("td"); tdBar.className = "bar";
    const bar = document.createElement("progress"); bar.max = 100; bar.value = 0; tdBar.appendChild(bar);
    tr.append(tdName, tdSize, tdBar);
    body.appendChild(tr);
    return { file, name, bar, sent: 0, id: null, error: null, cell: tdBar };
  });
  const totalBytes = rows.reduce((n, r) => n + r.file.size, 0) || 1;
  const total = document.getElementById("upload-total");
  const percent = document.getElementById("upload-percent");
  const label = document.getElementById("upload-label");
  const show = () => {
    const p = Math.floor(rows.reduce((n, r) => n + r.sent, 0) / totalBytes * 100);
    total.value = p; percent.textContent = p + "%";
  };
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const r = rows[next++];
      try {
        r.id = await sendFile(r.file, r.name, (sent) => {
          r.sent = sent; r.bar.value = r.file.size ? sent / r.file.size * 100 : 100; show();
        });
        r.bar.value = 100;
      } catch (err) {
        r.error = err.message;
        const note = document.createElement("span"); note.className = "error"; note.textContent = "未上传：" + err.message;
        r.cell.appendChild(note);
      }
      label.textContent = "正在上传… " + rows.filter((x) => x.id || x.error).length + " / " + rows.length;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, rows.length) }, worker));
  const ids = rows.filter((r) => r.id).map((r) => r.id);
  if (!ids.length) {
    errorBox.textContent = "上传失败：没有文件传到服务器，请检查网络或文件后重试";
    errorBox.hidden = false;
    return;
  }
  const batchName = (document.getElementById("batch-name")?.value || "").trim();
  try {
    const batch = await apiJson("POST", "/api/uploads/batch", { uploads: ids, name: batchName || null });
    total.value = 100; percent.textContent = "100%";
    label.textContent = "上传完成，正在转到批次页…";
    window.location.assign("/batches/" + batch.id);
  } catch (err) {
    errorBox.textContent = "上传失败：" + err.message;
    errorBox.hidden = false;
  }
}

function initUpload() {
  const drop = document.getElementById("drop");
  drop.addEventListener("dragover", (ev) => { ev.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (ev) => {
    ev.preventDefault();
    drop.classList.remove("over");
    upload(await droppedFiles(ev.dataTransfer));
  });
  for (const id of ["pick-files", "pick-folder"]) {
    const input = document.getElementById(id);
    input.addEventListener("change", () => {
      upload([...input.files].map((f) => ({ file: f, name: f.webkitRelativePath || f.name })));
      input.value = "";
    });
  }
  onKeys({});
}

// ---- batch progress (server-sent events) --------------------------------------------------------
const STATUS = { queued: "排队中", processing: "处理中", done: "已完成", failed: "失败", duplicate: "重复文件", cancelled: "已取消" };

function initBatchActions(batchId) {
  document.querySelectorAll("[data-batch-action]").forEach((button) => button.addEventListener("click", async () => {
    const message = document.getElementById("batch-message");
    const r = await fetch("/api/batches/" + batchId + "/" + button.dataset.batchAction, {
      method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrfToken() },
    });
    const data = await r.json().catch(() => ({}));
    message.textContent = typeof data.message === "string" ? data.message
      : "操作未完成：" + (typeof data.detail === "string" ? data.detail : "服务器返回 " + r.status);
    if (r.ok && data.affected) setTimeout(() => window.location.reload(), 800);
  }));
}

async function batchPost(path, body) {
  const message = document.getElementById("batch-message");
  const r = await fetch(path, {
    method: "POST", credentials: "same-origin",
    headers: { "X-CSRF-Token": csrfToken(), "Content-Type": "application/json" }, body: JSON.stringify(body || {}),
  });
  const data = await r.json().catch(() => ({}));
  message.textContent = typeof data.message === "string" ? data.message
    : "操作未完成：" + (typeof data.detail === "string" ? data.detail : "服务器返回 " + r.status);
  if (r.ok) setTimeout(() => window.location.reload(), 600);
}

function initRegroup(batchId) {
  const merge = document.getElementById("merge-selected");
  if (!merge) return;
  const picked = () => [...document.querySelectorAll("input.pick:checked")].map((c) => Number(c.value));
  document.querySelectorAll("input.pick").forEach((c) => c.addEventListener("change", () => { merge.disabled = picked().length < 2; }));
  merge.addEventListener("click", () => batchPost("/api/batches/" + batchId + "/merge", { item_ids: picked() }));
  document.querySelectorAll("[data-split]").forEach((b) => b.addEventListener("click",
    () => batchPost("/api/batches/" + batchId + "/items/" + b.dataset.split + "/split")));
}

function initBatch() {
  onKeys({});
  const box = document.getElementById("batch");
  initBatchActions(box.dataset.batch);
  initRegroup(box.dataset.batch);
  if (box.dataset.finished === "yes") return;
  const canOpen = !!document.querySelector('header nav a[href="/queue"]');
  const source = new EventSource("/api/batches/" + box.dataset.batch + "/events");
  source.addEventListener("item", (ev) => {
    const it = JSON.parse(ev.data);
    const tr = document.getElementById("item-" + it.id);
    if (!tr) return;
    tr.className = "st-" + it.status;
    tr.querySelector('[data-field="status"]').textContent = STATUS[it.status] || it.status;
    const bar = tr.querySelector("progress");
    // processing has no measurable share: an indeterminate bar rather than a made-up figure
    if (it.status === "processing") bar.removeAttribute("value"); else bar.value = it.status === "queued" ? 0 : 100;
    const cell = tr.querySelector('[data-field="result"]');
    cell.textContent = "";
    if (it.case_id && canOpen) {
      const a = document.createElement("a"); a.href = "/cases/" + it.case_id; a.textContent = "查看案件 " + it.case_id; cell.appendChild(a);
    } else if (it.case_id) {
      cell.textContent = "已生成案件 " + it.case_id;
    } else if (it.error) {
      const span = document.createElement("span"); span.className = "error"; span.textContent = it.error; cell.appendChild(span);
    } else if (it.status === "duplicate") {
      cell.textContent = "与已上传的文件相同，未重复处理";
    }
  });
  // ETA from the pace since this page opened: the batch's own files, this machine's load
  const seen = { at: Date.now(), settled: null };
  const eta = document.getElementById("batch-eta");
  const showEta = (settled, total) => {
    if (seen.settled === null) { seen.settled = settled; return; }
    const rate = (settled - seen.settled) / ((Date.now() - seen.at) / 1000);
    if (!(rate > 0) || settled >= total) { eta.textContent = settled >= total ? "" : "正在估算剩余时间…"; return; }
    const left = Math.ceil((total - settled) / rate);
    eta.textContent = "预计还需 " + (left < 90 ? left + " 秒" : Math.round(left / 60) + " 分钟");
  };
  const showProgress = (p) => {
    const settled = p.total - p.queued - p.processing;
    showEta(settled, p.total);
    const bar = document.getElementById("batch-progress");
    bar.max = p.total || 1; bar.value = settled;
    document.getElementById("batch-percent").textContent = (p.total ? Math.round(settled * 100 / p.total) : 100) + "%";
    for (const el of document.querySelectorAll("[data-count]")) el.textContent = p[el.dataset.count];
  };
  source.addEventListener("progress", (ev) => showProgress(JSON.parse(ev.data)));
  source.addEventListener("done", (ev) => {
    showProgress(JSON.parse(ev.data));
    document.getElementById("batch-state").textContent = "本批处理完毕。";
    const p = JSON.parse(ev.data);
    document.querySelectorAll('[data-batch-action="cancel"]').forEach((b) => { b.hidden = true; });
    document.querySelectorAll('[data-batch-action="retry"]').forEach((b) => { b.hidden = !p.failed; });
    box.dataset.finished = "yes";
    source.close();
  });
}

// ---- review queue ----------------------------------------------------------------------------
function initQueue() {
  const rows = [...document.querySelectorAll("#queue tbody tr")];
  let at = -1;
  const select = (i) => {
    if (!rows.length) return;
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, n) => r.classList.toggle("selected", n === at));
    rows[at].scrollIntoView({ block: "nearest" });
  };
  const open = (hash) => { if (at < 0) select(0); if (rows[at]) window.location.assign(rows[at].dataset.href + (hash || "")); };
  rows.forEach((r, n) => r.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") select(n); }));
  select(0);
  onKeys({ j: () => select(at + 1), k: () => select(at - 1), Enter: () => open(), o: () => open(),
    c: () => open("#confirm"), r: () => open("#reject"), e: () => open("#correct") });
}

// ---- case page -------------------------------------------------------------------------------
function goTo(id) {
  document.querySelectorAll(".hot").forEach((el) => el.classList.remove("hot"));
  const box = document.getElementById("box-" + id);
  const span = document.getElementById("span-" + id);
  const target = box || span;
  for (const el of [box, span, document.querySelector('[data-goto="' + id + '"]')]) if (el) el.classList.add("hot");
  if (target) target.scrollIntoView({ block: "center", behavior: "smooth" });
}

function initCase() {
  document.querySelectorAll("[data-goto]").forEach((b) => b.addEventListener("click", () => goTo(b.dataset.goto)));
  document.querySelectorAll("[data-ev]").forEach((el) => el.addEventListener("click", () => goTo(el.dataset.ev)));
  const follow = (id) => { const a = document.getElementById(id); if (a) window.location.assign(a.href); };
  const openBox = (boxId, focus) => {
    const d = document.getElementById(boxId);
    if (!d) return;
    d.open = true;
    const f = d.querySelector(focus);
    if (f) f.focus();
  };
  // A criminal referral is never one key: `c` opens the confirmation step, Enter on its button confirms.
  onKeys({
    j: () => follow("next-case"),
    k: () => follow("prev-case"),
    c: () => openBox("confirm-box", "#btn-confirm"),
    r: () => openBox("reject-box", "textarea"),
    e: () => openBox("correct-box", "select"),
  });
  if (location.hash === "#confirm") openBox("confirm-box", "#btn-confirm");
  if (location.hash === "#reject") openBox("reject-box", "textarea");
  if (location.hash === "#correct") openBox("correct-box", "select");
}

// ---- training run ----------------------------------------------------------------------------
function initRun() {
  onKeys({});
  const box = document.getElementById("run");
  if (box.dataset.finished === "yes") return;
  const poll = async () => {
    const r = await fetch("/models/runs/" + box.dataset.run + ".json", { credentials: "same-origin" });
    if (!r.ok) return;
    const s = await r.json();
    document.getElementById("run-stage").textContent = s.stage_name;
    document.getElementById("run-progress").value = s.percent;
    document.getElementById("run-percent").textContent = s.percent + "%";
    if (s.error) { const e = document.getElementById("run-error"); e.textContent = s.error; e.hidden = false; }
    if (s.version) {
      document.getElementById("run-version").textContent = s.version;
      document.getElementById("run-cases").textContent = s.reviewed_cases;
      document.getElementById("run-compare").href = "/models/" + encodeURIComponent(s.version) + "/compare";
      document.getElementById("run-done").hidden = false;
    }
    if (!s.finished) setTimeout(poll, 1000);
  };
  poll();
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-help]").forEach((b) => b.addEventListener("click", () => toggleHelp()));
  document.querySelectorAll("[data-help-close]").forEach((b) => b.addEventListener("click", () => toggleHelp(false)));
  const init = { upload: initUpload, batch: initBatch, queue: initQueue, case: initCase, run: initRun }[document.body.dataset.page];
  if (init) init(); else onKeys({});
});
