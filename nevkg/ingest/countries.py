"""Country names the extractor recognises even when the curated records do not know them yet.

A country found here but not in the gazetteer becomes a new ``places`` candidate of kind ``country`` with
its ISO 3166-1 alpha-2 code. Short English names, plus a few common alternative names; the territories ISO 3166-1
codes of their own (Bermuda, the Cayman Islands, American Samoa …) are markets of their own too (their trade is
counted apart; Hong Kong, Macau and Taiwan are left to the curated records). Ascension Island and Tristan da Cunha,
parts of one territory with Saint Helena, have markets and governments of their own and carry the codes ISO 3166-1
reserves for them (AC, TA).
"""

from __future__ import annotations

__all__ = ["COUNTRIES", "COUNTRY_NAMES", "CAPITALS", "SEATS", "DEMONYMS", "FOLLOWS", "TERRITORIES"]

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
TZ Tanzania|TH Thailand|TG Togo|TT Trinidad and Tobago|TT T&T|TN Tunisia|TR Turkey|TR Turkiye|TM Turkmenistan
UG Uganda|UA Ukraine|AE United Arab Emirates|GB United Kingdom|US United States|UY Uruguay|UZ Uzbekistan
VE Venezuela|VN Vietnam|YE Yemen|ZM Zambia|ZW Zimbabwe|KR Korea|KR Republic of Korea|GB U.K.|GB Great Britain
AE U.A.E.|NL Holland|VN Viet Nam|SA Kingdom of Saudi Arabia|SA KSA
AG Antigua and Barbuda|BS Bahamas|BS The Bahamas|BB Barbados|BZ Belize|CV Cabo Verde|CV Cape Verde
CF Central African Republic|TD Chad|KM Comoros|DM Dominica|GQ Equatorial Guinea|ER Eritrea|SZ Eswatini
SZ Swaziland|FJ Fiji|GM Gambia|GM The Gambia|GD Grenada|GW Guinea-Bissau|GY Guyana|HT Haiti|CI Ivory Coast
CI Côte d'Ivoire|KI Kiribati|XK Kosovo|LS Lesotho|LR Liberia|LI Liechtenstein|MH Marshall Islands|FM Micronesia
MC Monaco|NR Nauru|PW Palau|PS Palestine|KN Saint Kitts and Nevis|LC Saint Lucia
VC Saint Vincent and the Grenadines|WS Samoa|SM San Marino|ST Sao Tome and Principe|SC Seychelles
SL Sierra Leone|SB Solomon Islands|SR Suriname|TL Timor-Leste|TL East Timor|TO Tonga|TV Tuvalu|VU Vanuatu
VA Vatican City|MM Burma|BN Brunei Darussalam|LA Lao PDR|TR Türkiye|CG Congo-Brazzaville|CD Congo-Kinshasa
KN St Kitts and Nevis|LC St Lucia|VC St Vincent and the Grenadines|KN St. Kitts and Nevis|LC St. Lucia
VC St. Vincent and the Grenadines|PG PNG
AS American Samoa|AI Anguilla|AW Aruba|BM Bermuda|VG British Virgin Islands|KY Cayman Islands|CK Cook Islands
CW Curacao|CW Curaçao|FK Falkland Islands|FO Faroe Islands|GF French Guiana|PF French Polynesia|GI Gibraltar
GL Greenland|GP Guadeloupe|GU Guam|IM Isle of Man|MQ Martinique|YT Mayotte|MS Montserrat|NC New Caledonia|NU Niue
MP Northern Mariana Islands|PR Puerto Rico|RE Réunion|SX Sint Maarten|TK Tokelau|TC Turks and Caicos Islands
VI U.S. Virgin Islands|VI US Virgin Islands|WF Wallis and Futuna|EH Western Sahara|KY Cayman|VG BVI|TC TCI
TC Turks and Caicos|BA BiH|MP CNMI|VI USVI|BQ Bonaire|JE Jersey|GG Guernsey|FK Falklands|SX St. Maarten|SX St Maarten
SH Saint Helena|SH St Helena|SH St. Helena|AC Ascension Island|TA Tristan da Cunha|NF Norfolk Island|CX Christmas Island
CC Cocos (Keeling) Islands|CC Cocos Islands|CC Cocos Keeling Islands|PN Pitcairn Islands|PN Pitcairn
PM Saint Pierre and Miquelon|PM St. Pierre and Miquelon|PM St Pierre and Miquelon|BL Saint Barthélemy
BL Saint Barthelemy|BL St. Barts|BL St Barts|MF Saint Martin|MF Saint-Martin|AX Åland Islands|AX Aland Islands
IO British Indian Ocean Territory
"""

#: the codes of the territories the table lists (dependencies with a government of their own, whose "Governor" is
#: the territory's: Guam, Bermuda, the Northern Mariana Islands …)
TERRITORIES = frozenset("AS AI AW BM VG KY CK CW FK FO GF PF GI GL GP GU IM MQ YT MS NC NU MP PR RE SX TK TC VI WF EH "
                        "BQ JE GG SH AC TA NF CX CC PN PM BL MF AX IO".split())
#: the lands that keep another country's money and fiscal year → that country's code: Australia's external
#: territories and Nauru keep Australia's, Tokelau, Niue and the Cook Islands New Zealand's
FOLLOWS = {"NF": "AU", "CX": "AU", "CC": "AU", "NR": "AU", "TK": "NZ", "NU": "NZ", "CK": "NZ"}
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
Georgetown=Guyana|Paramaribo=Suriname|Bridgetown=Barbados|Port of Spain=Trinidad and Tobago|Nassau=Bahamas
Belmopan=Belize|Port-au-Prince=Haiti|Suva=Fiji|Apia=Samoa|Nuku'alofa=Tonga|Port Vila=Vanuatu|Honiara=Solomon Islands
Dili=Timor-Leste|Freetown=Sierra Leone|Monrovia=Liberia|Banjul=Gambia|Conakry=Guinea|Bamako=Mali|Niamey=Niger
Ouagadougou=Burkina Faso|Yamoussoukro=Cote d'Ivoire|Lome=Togo|Lomé=Togo|Porto-Novo=Benin|Yaounde=Cameroon
Yaoundé=Cameroon|Libreville=Gabon|Kinshasa=Democratic Republic of Congo|Brazzaville=Republic of the Congo
Bangui=Central African Republic|N'Djamena=Chad|Juba=South Sudan|Asmara=Eritrea|Mogadishu=Somalia|Dodoma=Tanzania
Lilongwe=Malawi|Antananarivo=Madagascar|Port Louis=Mauritius|Maseru=Lesotho|Mbabane=Eswatini|Nouakchott=Mauritania
Tripoli=Libya|Sanaa=Yemen|Thimphu=Bhutan|Bandar Seri Begawan=Brunei|Pyongyang=North Korea
""".strip().replace("\n", "|").split("|"))
#: seats of a union's government, named for it ("Brussels imposed duties")
SEATS = {"Brussels": "European Union"}

#: adjectives of countries, for "the Chilean market" (the country is meant)
DEMONYMS = {
    "Algerian": "Algeria", "Argentine": "Argentina", "Argentinian": "Argentina", "Australian": "Australia",
    "Austrian": "Austria", "Bangladeshi": "Bangladesh", "Belgian": "Belgium", "Brazilian": "Brazil",
    "British": "United Kingdom", "Bulgarian": "Bulgaria", "Cambodian": "Cambodia", "Canadian": "Canada",
    "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia", "Croatian": "Croatia", "Czech": "Czechia",
    "Danish": "Denmark", "Dutch": "Netherlands", "Ecuadorian": "Ecuador", "Egyptian": "Egypt",
    "Emirati": "United Arab Emirates", "Estonian": "Estonia", "Ethiopian": "Ethiopia", "Finnish": "Finland",
    "French": "France", "German": "Germany", "Greek": "Greece", "Hungarian": "Hungary", "Indian": "India",
    "Indonesian": "Indonesia", "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy", "Japanese": "Japan",
    "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kazakhstani": "Kazakhstan", "Kenyan": "Kenya",
    "Korean": "South Korea", "Kuwaiti": "Kuwait", "Malaysian": "Malaysia", "Mexican": "Mexico",
    "Moroccan": "Morocco", "Nepalese": "Nepal", "Nigerian": "Nigeria", "Norwegian": "Norway", "Omani": "Oman",
    "Pakistani": "Pakistan", "Peruvian": "Peru", "Philippine": "Philippines", "Polish": "Poland",
    "Portuguese": "Portugal", "Qatari": "Qatar", "Romanian": "Romania", "Russian": "Russia",
    "Saudi": "Saudi Arabia", "Serbian": "Serbia", "Singaporean": "Singapore", "Slovak": "Slovakia",
    "South African": "South Africa", "South Korean": "South Korea", "Spanish": "Spain", "Sri Lankan": "Sri Lanka",
    "Swedish": "Sweden",
    "Swiss": "Switzerland", "Thai": "Thailand", "Turkish": "Turkey", "Ukrainian": "Ukraine", "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan", "Vietnamese": "Vietnam",
    # (more countries of the table, so that none of their adjectives is taken for a company's name)
    "Afghan": "Afghanistan", "Albanian": "Albania", "Angolan": "Angola", "Armenian": "Armenia",
    "Azerbaijani": "Azerbaijan", "Bahraini": "Bahrain", "Belarusian": "Belarus", "Bolivian": "Bolivia",
    "Bosnian": "Bosnia and Herzegovina", "Cameroonian": "Cameroon", "Costa Rican": "Costa Rica", "Cuban": "Cuba",
    "Cypriot": "Cyprus", "Filipino": "Philippines", "Ghanaian": "Ghana", "Guatemalan": "Guatemala",
    "Icelandic": "Iceland", "Iranian": "Iran", "Iraqi": "Iraq", "Ivorian": "Cote d'Ivoire", "Jamaican": "Jamaica",
    "Kyrgyz": "Kyrgyzstan", "Lao": "Laos", "Laotian": "Laos", "Latvian": "Latvia", "Lebanese": "Lebanon",
    "Libyan": "Libya", "Lithuanian": "Lithuania", "Macedonian": "North Macedonia", "Malian": "Mali",
    "Maltese": "Malta", "Mauritanian": "Mauritania", "Moldovan": "Moldova", "Mongolian": "Mongolia",
    "Montenegrin": "Montenegro", "Mozambican": "Mozambique", "Namibian": "Namibia", "Nepali": "Nepal",
    "Panamanian": "Panama", "Paraguayan": "Paraguay", "Rwandan": "Rwanda", "Senegalese": "Senegal",
    "Slovenian": "Slovenia", "Sudanese": "Sudan", "Syrian": "Syria", "Tajik": "Tajikistan", "Tanzanian": "Tanzania",
    "Tunisian": "Tunisia", "Turkmen": "Turkmenistan", "Ugandan": "Uganda", "Venezuelan": "Venezuela",
    "Yemeni": "Yemen", "Zambian": "Zambia", "Zimbabwean": "Zimbabwe",
    "Bahamian": "Bahamas", "Barbadian": "Barbados", "Belizean": "Belize", "Beninese": "Benin", "Bhutanese": "Bhutan",
    "Bruneian": "Brunei", "Burkinabe": "Burkina Faso", "Burmese": "Myanmar", "Chadian": "Chad",
    "Djiboutian": "Djibouti", "Dominican": "Dominican Republic", "Eritrean": "Eritrea", "Fijian": "Fiji",
    "Gabonese": "Gabon", "Gambian": "Gambia", "Georgian": "Georgia", "Guinean": "Guinea", "Guyanese": "Guyana",
    "Haitian": "Haiti", "Honduran": "Honduras", "Kosovar": "Kosovo", "Liberian": "Liberia", "Malagasy": "Madagascar",
    "Malawian": "Malawi", "Maldivian": "Maldives", "Mauritian": "Mauritius", "Nicaraguan": "Nicaragua",
    "Nigerien": "Niger", "North Korean": "North Korea", "Papua New Guinean": "Papua New Guinea",
    "Salvadoran": "El Salvador", "Samoan": "Samoa", "Seychellois": "Seychelles", "Sierra Leonean": "Sierra Leone",
    "Somali": "Somalia", "South Sudanese": "South Sudan", "Surinamese": "Suriname", "Swazi": "Eswatini",
    "Timorese": "Timor-Leste", "Togolese": "Togo", "Tongan": "Tonga", "Trinidadian": "Trinidad and Tobago",
    "Botswanan": "Botswana", "Luxembourgish": "Luxembourg"}
