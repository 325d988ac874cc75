"""Person and business names."""

from __future__ import annotations

import random

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_DOUBLE_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方")
_GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉梅文辉鹏飞斌宇浩凯俊峰海燕雪琴云莲"
    "林波宁亮成龙新春生发荣德福贵昌盛金银晓东西南北忠诚信义礼智兵雄彬瑞祥永庆长松柏翠凤"
)
_BRANDS = (
    "宏达", "鑫源", "恒通", "华兴", "永盛", "金穗", "瑞丰", "富民", "顺发", "兴隆", "联创", "泰和", "博远", "嘉禾",
    "天润", "新锐", "众诚", "长青", "汇丰源", "聚宝", "佳美", "安泰", "康健", "百川", "正祥", "利民", "东升", "绿源",
    "华峰", "盛世", "宇航", "同心", "金达", "润发", "星辰", "海蓝", "德信", "锦程", "万家", "大成", "弘毅", "致远",
)


def person_name(rng: random.Random) -> str:
    surname = rng.choice(_DOUBLE_SURNAMES) if rng.random() < 0.02 else rng.choice(_SURNAMES)
    given_len = 1 if rng.random() < 0.3 else 2
    return surname + "".join(rng.choice(_GIVEN) for _ in range(given_len))


_BRAND_CHARS = (
    "鑫源恒通华兴永盛金穗瑞丰富民顺发隆联创泰和博远嘉禾天润锐众诚长青聚宝佳美安康健百川正祥利东升绿峰宇航"
    "同心达润星辰海蓝德信锦程万大成弘毅致新宏昌旺福鼎晟辉煌腾飞凯越卓龙凤祥云中汇信诺亿家乐和美丰裕兆盈"
)


def brand(rng: random.Random) -> str:
    """A trade name: a common one, or two characters put together as most small firms' are."""
    if rng.random() < 0.4:
        return rng.choice(_BRANDS)
    first, second = rng.sample(_BRAND_CHARS, 2)
    return first + second


# how often a two-letter given name keeps its last letter under 某 (张三丰 -> 张某丰: the ninth survey's
# 林业 news), out of the draw that otherwise hides one letter
_KEEPS_LAST = 0.06


def redact(rng: random.Random, name: str, mark: str) -> str:
    """张三丰 -> 张某某 / 张某 / 张** / 张* / 张某丰: the surname stays, the given name is hidden."""
    surname = next((d for d in _DOUBLE_SURNAMES if name.startswith(d)), name[0])
    hidden = len(name) - len(surname)
    draw = rng.random()
    if mark == "某" and hidden == 2 and 0.6 <= draw < 0.6 + _KEEPS_LAST:
        return surname + mark + name[-1]
    count = hidden if draw < 0.6 else 1
    return surname + mark * count
