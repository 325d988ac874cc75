"""The renderer: generated decisions drawn as scanned-looking pages, image-only PDFs, text-layer PDFs
and mixed PDFs, each with `<id>.pages.json` ground truth (corpora.gold.RenderedPages).

layout.py places a record's blocks on A4 pages; paint.py draws a page; seal.py makes the red seal;
damage.py scans it badly; pdf.py writes PDFs; record.py renders one record, corpus.py a corpus
directory, fixtures.py the committed test fixtures.
"""
