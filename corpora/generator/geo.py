"""A small gazetteer: provinces, cities, districts with their administrative division codes, and
street names for addresses. Codes feed credit codes and 身份证 prefixes."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    province: str
    city: str
    district: str
    code: str  # six-digit division code of the district
    municipality: bool = False  # 直辖市: the province is the city

    @property
    def short_city(self) -> str:
        return self.city.removesuffix("市")

    @property
    def short_district(self) -> str:
        for suffix in ("自治县", "区", "县", "市"):
            if self.district.endswith(suffix) and len(self.district) > len(suffix) + 1:
                return self.district.removesuffix(suffix)
        return self.district


_TABLE: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("浙江省", "杭州市", (("西湖区", "330106"), ("余杭区", "330110"), ("临安区", "330112"), ("桐庐县", "330122"))),
    ("浙江省", "温州市", (("鹿城区", "330302"), ("瑞安市", "330381"), ("永嘉县", "330324"))),
    ("江苏省", "苏州市", (("吴中区", "320506"), ("昆山市", "320583"), ("常熟市", "320581"))),
    ("江苏省", "南京市", (("江宁区", "320115"), ("浦口区", "320111"), ("六合区", "320116"))),
    ("广东省", "广州市", (("白云区", "440111"), ("番禺区", "440113"), ("增城区", "440118"))),
    ("广东省", "东莞市", (("东莞市", "441900"),)),
    ("广东省", "汕头市", (("潮阳区", "440513"), ("澄海区", "440515"))),
    ("山东省", "临沂市", (("兰山区", "371302"), ("沂南县", "371321"), ("费县", "371325"))),
    ("山东省", "济南市", (("历城区", "370112"), ("章丘区", "370114"))),
    ("河南省", "南阳市", (("宛城区", "411302"), ("西峡县", "411323"), ("淅川县", "411326"))),
    ("河南省", "郑州市", (("金水区", "410105"), ("中牟县", "410122"))),
    ("四川省", "成都市", (("双流区", "510116"), ("郫都区", "510117"), ("金堂县", "510121"))),
    ("四川省", "宜宾市", (("翠屏区", "511502"), ("屏山县", "511529"))),
    ("湖南省", "岳阳市", (("岳阳楼区", "430602"), ("华容县", "430623"), ("湘阴县", "430624"))),
    ("湖北省", "荆州市", (("沙市区", "421002"), ("洪湖市", "421083"), ("监利市", "421088"))),
    ("安徽省", "阜阳市", (("颍州区", "341202"), ("临泉县", "341221"))),
    ("福建省", "泉州市", (("晋江市", "350582"), ("安溪县", "350524"))),
    ("江西省", "赣州市", (("章贡区", "360702"), ("信丰县", "360722"))),
    ("广西壮族自治区", "桂林市", (("临桂区", "450312"), ("阳朔县", "450321"))),
    ("云南省", "昆明市", (("官渡区", "530111"), ("宜良县", "530125"))),
    ("陕西省", "宝鸡市", (("渭滨区", "610302"), ("凤翔区", "610305"))),
    ("河北省", "保定市", (("莲池区", "130606"), ("涞源县", "130630"))),
    ("黑龙江省", "牡丹江市", (("东安区", "231002"), ("宁安市", "231084"))),
    ("上海市", "上海市", (("浦东新区", "310115"), ("闵行区", "310112"), ("松江区", "310117"))),
    ("重庆市", "重庆市", (("万州区", "500101"), ("涪陵区", "500102"), ("綦江区", "500110"))),
    ("北京市", "北京市", (("朝阳区", "110105"), ("大兴区", "110115"))),
)

PLACES: tuple[Place, ...] = tuple(
    Place(prov, city, district, code, municipality=prov == city)
    for prov, city, districts in _TABLE
    for district, code in districts
)

_STREETS = (
    "人民", "建设", "解放", "中山", "新华", "文化", "工业", "迎宾", "滨江", "长江", "黄河", "朝阳", "光明",
    "和平", "胜利", "东风", "幸福", "创业", "科技", "兴业", "振兴", "府前", "青年", "环城", "开发",
)
_ROAD = ("路", "大道", "街", "东路", "西路", "南路", "北路", "中路")
_TOWNS = ("城关", "新河", "马桥", "石门", "白沙", "柳林", "青山", "黄土岭", "双河", "龙泉", "桥头", "水口")
_VILLAGES = ("王家", "李庄", "张湾", "刘集", "陈村", "大坪", "小河", "杨树", "东岗", "前进", "红星", "河口")


def pick_place(rng: random.Random) -> Place:
    return rng.choice(PLACES)


def address(rng: random.Random, place: Place) -> str:
    head = place.city + place.district if not place.municipality else place.city + place.district
    if place.district == place.city:
        head = place.province + place.city if rng.random() < 0.5 else place.city
    elif rng.random() < 0.3:
        head = place.province + head if not place.municipality else head
    r = rng.random()
    if r < 0.45:
        tail = f"{rng.choice(_STREETS)}{rng.choice(_ROAD)}{rng.randint(1, 999)}号"
        if rng.random() < 0.3:
            tail += f"{rng.randint(1, 30)}幢{rng.randint(1, 28)}{rng.randint(1, 20):02d}室"
    elif r < 0.75:
        tail = f"{rng.choice(_TOWNS)}镇{rng.choice(_VILLAGES)}村{rng.randint(1, 20)}组"
        if rng.random() < 0.5:
            tail += f"{rng.randint(1, 99)}号"
    else:
        tail = f"{rng.choice(_STREETS)}{rng.choice(_ROAD)}{rng.randint(1, 399)}号{rng.choice(['', '1楼', '一层', '商铺', '门面'])}"
    return head + tail
