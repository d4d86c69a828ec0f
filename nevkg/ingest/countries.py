"""Country names the extractor recognises even when the curated records do not know them yet.

A country found here but not in the gazetteer becomes a new ``places`` candidate of kind ``country`` with
its ISO 3166-1 alpha-2 code. Short English names, plus a few common alternative names.
"""

from __future__ import annotations

__all__ = ["COUNTRIES", "COUNTRY_NAMES", "CAPITALS", "SEATS"]

_TABLE = """
AF Afghanistan|AL Albania|DZ Algeria|AD Andorra|AO Angola|AR Argentina|AM Armenia|AU Australia|AT Austria
AZ Azerbaijan|BH Bahrain|BD Bangladesh|BY Belarus|BE Belgium|BJ Benin|BT Bhutan|BO Bolivia
BA Bosnia and Herzegovina|BW Botswana|BR Brazil|BN Brunei|BG Bulgaria|BF Burkina Faso|BI Burundi|KH Cambodia
CM Cameroon|CA Canada|CL Chile|CN China|CO Colombia|CD Democratic Republic of Congo
CD Democratic Republic of the Congo|CD DR Congo|CG Republic of the Congo
CR Costa Rica|CI Cote d'Ivoire|HR Croatia|CU Cuba|CY Cyprus|CZ Czech Republic|CZ Czechia|DK Denmark|DJ Djibouti
DO Dominican Republic|EC Ecuador|EG Egypt|SV El Salvador|EE Estonia|ET Ethiopia|FI Finland|FR France|GA Gabon
GE Georgia|DE Germany|GH Ghana|GR Greece|GT Guatemala|GN Guinea|HN Honduras|HU Hungary|IS Iceland|IN India
ID Indonesia|IR Iran|IQ Iraq|IE Ireland|IL Israel|IT Italy|JM Jamaica|JP Japan|JO Jordan|KZ Kazakhstan|KE Kenya
KW Kuwait|KG Kyrgyzstan|LA Laos|LV Latvia|LB Lebanon|LY Libya|LT Lithuania|LU Luxembourg|MG Madagascar
MW Malawi|MY Malaysia|MV Maldives|ML Mali|MT Malta|MR Mauritania|MU Mauritius|MX Mexico|MD Moldova|MN Mongolia
ME Montenegro|MA Morocco|MZ Mozambique|MM Myanmar|NA Namibia|NP Nepal|NL Netherlands|NZ New Zealand
NI Nicaragua|NE Niger|NG Nigeria|KP North Korea|MK North Macedonia|NO Norway|OM Oman|PK Pakistan|PA Panama
PG Papua New Guinea|PY Paraguay|PE Peru|PH Philippines|PL Poland|PT Portugal|QA Qatar|RO Romania|RU Russia
RW Rwanda|SA Saudi Arabia|SN Senegal|RS Serbia|SG Singapore|SK Slovakia|SI Slovenia|SO Somalia|ZA South Africa
KR South Korea|SS South Sudan|ES Spain|LK Sri Lanka|SD Sudan|SE Sweden|CH Switzerland|SY Syria|TJ Tajikistan
TZ Tanzania|TH Thailand|TG Togo|TT Trinidad and Tobago|TN Tunisia|TR Turkey|TR Turkiye|TM Turkmenistan
UG Uganda|UA Ukraine|AE United Arab Emirates|GB United Kingdom|US United States|UY Uruguay|UZ Uzbekistan
VE Venezuela|VN Vietnam|YE Yemen|ZM Zambia|ZW Zimbabwe|KR Korea|KR Republic of Korea|GB U.K.|GB Great Britain
AE U.A.E.|NL Holland|VN Viet Nam|SA Kingdom of Saudi Arabia|SA KSA
"""

#: country name → ISO 3166-1 alpha-2 code
COUNTRIES: dict[str, str] = {}
#: ISO 3166-1 alpha-2 code → the country's name (the first the table lists: "South Korea" for "Korea")
COUNTRY_NAMES: dict[str, str] = {}
for _item in _TABLE.replace("\n", "|").split("|"):
    _item = _item.strip()
    if _item:
        _code, _name = _item.split(" ", 1)
        COUNTRIES[_name] = _code
        COUNTRY_NAMES.setdefault(_code, _name)

#: national capitals → their country (a name in :data:`COUNTRIES`): a dateline's city, or a government named by
#: its capital ("Beijing will require licences", "duties imposed by Ottawa")
CAPITALS = dict(pair.split("=") for pair in """
Beijing=China|Washington=United States|Ottawa=Canada|Tokyo=Japan|Seoul=South Korea|New Delhi=India|Delhi=India
Moscow=Russia|Ankara=Turkey|Brasilia=Brazil|Brasília=Brazil|Mexico City=Mexico|Buenos Aires=Argentina
Santiago=Chile|Lima=Peru|Bogota=Colombia|Bogotá=Colombia|Canberra=Australia|Wellington=New Zealand
Jakarta=Indonesia|Kuala Lumpur=Malaysia|Bangkok=Thailand|Hanoi=Vietnam|Manila=Philippines|Singapore=Singapore
Tashkent=Uzbekistan|Astana=Kazakhstan|Riyadh=Saudi Arabia|Abu Dhabi=United Arab Emirates|Cairo=Egypt
Pretoria=South Africa|London=United Kingdom|Paris=France|Berlin=Germany|Rome=Italy|Madrid=Spain
Budapest=Hungary|Warsaw=Poland|Islamabad=Pakistan|Tehran=Iran|Kyiv=Ukraine|Lisbon=Portugal|Vienna=Austria
Prague=Czech Republic|Bratislava=Slovakia|Ljubljana=Slovenia|Zagreb=Croatia|Belgrade=Serbia
Sarajevo=Bosnia and Herzegovina|Podgorica=Montenegro|Skopje=North Macedonia|Tirana=Albania|Sofia=Bulgaria
Bucharest=Romania|Athens=Greece|Nicosia=Cyprus|Valletta=Malta|Bern=Switzerland|Amsterdam=Netherlands|Dublin=Ireland|Copenhagen=Denmark
Stockholm=Sweden|Oslo=Norway|Helsinki=Finland|Reykjavik=Iceland|Tallinn=Estonia|Riga=Latvia|Vilnius=Lithuania
Minsk=Belarus|Chisinau=Moldova|Tbilisi=Georgia|Yerevan=Armenia|Baku=Azerbaijan|Bishkek=Kyrgyzstan
Dushanbe=Tajikistan|Ashgabat=Turkmenistan|Ulaanbaatar=Mongolia|Kabul=Afghanistan|Dhaka=Bangladesh
Colombo=Sri Lanka|Kathmandu=Nepal|Phnom Penh=Cambodia|Vientiane=Laos|Naypyidaw=Myanmar|Doha=Qatar|Muscat=Oman
Manama=Bahrain|Kuwait City=Kuwait|Amman=Jordan|Beirut=Lebanon|Baghdad=Iraq|Damascus=Syria|Rabat=Morocco
Algiers=Algeria|Tunis=Tunisia|Nairobi=Kenya|Addis Ababa=Ethiopia|Abuja=Nigeria|Accra=Ghana|Dakar=Senegal
Kampala=Uganda|Kigali=Rwanda|Lusaka=Zambia|Harare=Zimbabwe|Maputo=Mozambique|Luanda=Angola|Windhoek=Namibia
Gaborone=Botswana|Khartoum=Sudan|Montevideo=Uruguay|Asuncion=Paraguay|Asunción=Paraguay|La Paz=Bolivia
Quito=Ecuador|Caracas=Venezuela|Havana=Cuba|Managua=Nicaragua|Tegucigalpa=Honduras|San Salvador=El Salvador
Guatemala City=Guatemala|Panama City=Panama|Santo Domingo=Dominican Republic|Port Moresby=Papua New Guinea
""".strip().replace("\n", "|").split("|"))
#: seats of a union's government, named for it ("Brussels imposed duties")
SEATS = {"Brussels": "European Union"}
