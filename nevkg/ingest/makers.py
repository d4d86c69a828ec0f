"""Names of carmakers and car brands the extractor recognises even when the curated records do not know them.

A name found here but not in the gazetteer becomes a new ``organizations`` candidate of kind ``automaker``
or ``brand``; a capitalised word or a letters-and-digits code right after it names one of its models ("a
Honda Jazz", "the Opel Astra"). Makers and brands sold worldwide, Chinese ones included (most of those
are also curated records, which take precedence).

>>> MAKERS["Opel"], MAKERS["Toyota"]
('brand', 'automaker')
"""

from __future__ import annotations

__all__ = ["MAKERS"]

_AUTOMAKERS = """
Toyota|Honda|Nissan|Mazda|Subaru|Suzuki|Mitsubishi|Daihatsu|Isuzu|Hyundai|Kia|Ford|General Motors|Stellantis|
Renault|Volkswagen|BMW|Mercedes-Benz|Tesla|Volvo|Tata Motors|Mahindra|Maruti Suzuki|Proton|Perodua|VinFast|
Togg|BYD|Geely|Chery|Great Wall|Changan|SAIC|GAC|Dongfeng|FAW|BAIC|JAC|Leapmotor|Xpeng|XPeng|NIO|Nio|Li Auto|
Xiaomi|Seres|Jetour|Zeekr|Neta|Hozon|Lucid|Rivian|Polestar|Jaguar Land Rover|Aston Martin|McLaren|Ferrari|
Lamborghini|Porsche|Audi|Skoda|Škoda|SEAT|Dacia|Lada|AvtoVAZ|Foton|Yutong|King Long|Sokon|Haima|Hongqi|Voyah
"""
#: brands whose name is also a common word (Tank, Smart, Genesis, Lincoln …) are left out: a capitalised common
#: word before another capitalised word is too often something else
_BRANDS = """
Opel|Vauxhall|Peugeot|Citroën|Citroen|Fiat|Alfa Romeo|Lancia|Jeep|Chrysler|Maserati|Chevrolet|Cadillac|Buick|
GMC|Lexus|Infiniti|Acura|MINI|Cupra|Bentley|Rolls-Royce|Land Rover|Omoda|Jaecoo|Exeed|Haval|ORA|Wey|MG|Maxus|
Roewe|Aion|Hyptec|Trumpchi|Denza|Fangchengbao|Yangwang|Lynk & Co|Deepal|Avatr|Aito|Arcfox|Forthing|Baojun|
Wuling|Onvo|Riddara|Livan
"""


def _names(block: str) -> list[str]:
    return [n.strip() for n in block.replace("\n", "").split("|") if n.strip()]


#: maker or brand name → ``automaker`` or ``brand``
MAKERS: dict[str, str] = {**{n: "automaker" for n in _names(_AUTOMAKERS)},
                          **{n: "brand" for n in _names(_BRANDS) if n not in _names(_AUTOMAKERS)}}
