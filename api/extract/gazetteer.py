"""Place and country words: demonyms, country aliases, capitals and known venues.

A broad, general table (every country's demonym, every capital, the cities and venues
where leaders usually meet) so that rules never need the names of particular people.
Country names themselves come from pycountry through `api.countries`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import pycountry

__all__ = [
    "AGENCIES",
    "CITY_COUNTRY",
    "CITY_SPELLINGS",
    "SEATS",
    "VENUE_ALIASES",
    "VENUE_CITY",
    "city_country",
    "country_of_phrase",
    "fold",
    "is_place_word",
]

_DEMONYMS = """
AF Afghan|FM Micronesian|AL Albanian|DZ Algerian|AD Andorran|AO Angolan|AG Antiguan|AR Argentine,Argentinian
AM Armenian|AU Australian|AT Austrian|AZ Azerbaijani,Azeri|BS Bahamian|BH Bahraini
BD Bangladeshi|BB Barbadian|BY Belarusian|BE Belgian|BZ Belizean|BJ Beninese|BT Bhutanese
BO Bolivian|BA Bosnian|BW Botswanan|BR Brazilian|BN Bruneian|BG Bulgarian|BF Burkinabe
BI Burundian|KH Cambodian|CM Cameroonian|CA Canadian|CV Cape Verdean|CF Central African
TD Chadian|CL Chilean|CN Chinese|CO Colombian|KM Comorian|CD Congolese|CR Costa Rican
HR Croatian|CU Cuban|CY Cypriot|CZ Czech|DK Danish|DJ Djiboutian|DO Dominican|EC Ecuadorian
EG Egyptian|SV Salvadoran|GQ Equatoguinean|ER Eritrean|EE Estonian|SZ Swazi|ET Ethiopian
FJ Fijian|FI Finnish|FR French|GA Gabonese|GM Gambian|GE Georgian|DE German|GH Ghanaian
GR Greek|GD Grenadian|GT Guatemalan|GN Guinean|GW Bissau-Guinean|GY Guyanese|HT Haitian
HN Honduran|HU Hungarian|IS Icelandic|IN Indian|ID Indonesian|IR Iranian|IQ Iraqi|IE Irish
IL Israeli|IT Italian|CI Ivorian|JM Jamaican|JP Japanese|JO Jordanian|KZ Kazakh,Kazakhstani
KE Kenyan|KW Kuwaiti|KG Kyrgyz,Kyrgyzstani|LA Lao,Laotian|LV Latvian|LB Lebanese|LS Basotho
LR Liberian|LY Libyan|LT Lithuanian|LU Luxembourgish|MG Malagasy|MW Malawian|MY Malaysian
MV Maldivian|ML Malian|MT Maltese|MR Mauritanian|MU Mauritian|MX Mexican|MD Moldovan
MC Monegasque|MN Mongolian|ME Montenegrin|MA Moroccan|MZ Mozambican|MM Myanmar,Burmese
NA Namibian|NP Nepali,Nepalese|NL Dutch|NZ New Zealand|NI Nicaraguan|NE Nigerien|NG Nigerian
KP North Korean|MK North Macedonian,Macedonian|NO Norwegian|OM Omani|PK Pakistani|PW Palauan
PS Palestinian|PA Panamanian|PG Papua New Guinean|PY Paraguayan|PE Peruvian
PH Philippine,Filipino|PL Polish|PT Portuguese|QA Qatari|RO Romanian|RU Russian|RW Rwandan
WS Samoan|SA Saudi,Saudi Arabian|SN Senegalese|RS Serbian|SC Seychellois|SL Sierra Leonean
SG Singaporean|SK Slovak|SI Slovenian|SO Somali|ZA South African|KR South Korean
SS South Sudanese|ES Spanish|LK Sri Lankan|SD Sudanese|SR Surinamese|SE Swedish|CH Swiss
SY Syrian|TW Taiwanese|TJ Tajik,Tajikistani|TZ Tanzanian|TH Thai|TL Timorese|TG Togolese
TO Tongan|TT Trinidadian|TN Tunisian|TR Turkish|TM Turkmen|UG Ugandan|UA Ukrainian
AE Emirati|GB British|US American,U.S.,US|UY Uruguayan|UZ Uzbek,Uzbekistani|VU Vanuatuan
VE Venezuelan|VN Vietnamese|YE Yemeni|ZM Zambian|ZW Zimbabwean|SB Solomon Islander
"""

_ALIASES = """
US United States,United States of America,USA,U.S.A.,America,Washington
GB United Kingdom,UK,U.K.,Britain,Great Britain,England,London
RU Russia,Russian Federation,Moscow|KR South Korea,Republic of Korea,ROK,Seoul
KP North Korea,DPRK,Pyongyang|IR Iran,Tehran|SY Syria,Damascus|VN Vietnam,Viet Nam,Hanoi
LA Laos,Vientiane|TR Turkey,Türkiye,Turkiye,Ankara|CZ Czech Republic,Czechia,Prague
CN China,PRC,People's Republic of China,Beijing|PK Pakistan,Islamabad
IN India,New Delhi|TW Taiwan|PS Palestine|VA Vatican,Holy See|BO Bolivia|VE Venezuela
TZ Tanzania|MD Moldova|CD DR Congo,DRC,Democratic Republic of the Congo|CG Republic of the Congo
CI Ivory Coast,Côte d'Ivoire,Cote d'Ivoire|AE UAE,U.A.E.,United Arab Emirates,Abu Dhabi
SA Saudi Arabia,Riyadh|MK North Macedonia|BN Brunei|CV Cape Verde|SZ Eswatini,Swaziland
MM Myanmar,Burma|KG Kyrgyzstan,Kyrgyz Republic|FM Micronesia|BA Bosnia and Herzegovina,Bosnia
EU European Union
"""

_CITIES = """
AF Kabul,Kandahar|AL Tirana|DZ Algiers|AD Andorra la Vella|AO Luanda|AR Buenos Aires
AM Yerevan|AU Canberra,Sydney,Melbourne,Brisbane,Perth|AT Vienna,Salzburg|AZ Baku
BS Nassau|BH Manama|BD Dhaka,Chittagong|BB Bridgetown|BY Minsk|BE Brussels|BZ Belmopan
BJ Porto-Novo,Cotonou|BT Thimphu|BO La Paz,Sucre|BA Sarajevo|BW Gaborone|BR Brasilia,Brasília,Rio de Janeiro,Sao Paulo,São Paulo
BN Bandar Seri Begawan|BG Sofia|BF Ouagadougou|BI Gitega,Bujumbura|KH Phnom Penh,Siem Reap
CM Yaounde,Yaoundé|CA Ottawa,Toronto,Montreal,Vancouver|CV Praia|CF Bangui|TD N'Djamena
CL Santiago|CO Bogota,Bogotá|KM Moroni|CD Kinshasa|CG Brazzaville|CR San Jose|HR Zagreb
CU Havana|CY Nicosia|CZ Prague|DK Copenhagen|DJ Djibouti|DO Santo Domingo|EC Quito
EG Cairo,Sharm el-Sheikh,Alexandria|SV San Salvador|GQ Malabo|ER Asmara|EE Tallinn
SZ Mbabane|ET Addis Ababa|FJ Suva|FI Helsinki|FR Paris,Nice,Marseille,Biarritz|GA Libreville
GM Banjul|GE Tbilisi|DE Berlin,Munich,Hamburg,Bonn,Frankfurt|GH Accra|GR Athens|GD St. George's
GT Guatemala City|GN Conakry|GW Bissau|GY Georgetown|HT Port-au-Prince|HN Tegucigalpa
HU Budapest|IS Reykjavik|IN New Delhi,Delhi,Mumbai,Bengaluru,Bangalore,Kolkata,Chennai,Hyderabad,Goa,Ahmedabad
ID Jakarta,Bogor,Bali,Nusa Dua,Surabaya|IR Tehran|IQ Baghdad|IE Dublin|IL Jerusalem,Tel Aviv
IT Rome,Milan,Naples,Florence,Venice|CI Yamoussoukro,Abidjan|JM Kingston|JP Tokyo,Osaka,Hiroshima,Kyoto
JO Amman|KZ Astana,Nur-Sultan,Almaty|KE Nairobi|KW Kuwait City|KG Bishkek|LA Vientiane
LV Riga|LB Beirut|LS Maseru|LR Monrovia|LY Tripoli|LT Vilnius|LU Luxembourg|MG Antananarivo
MW Lilongwe|MY Kuala Lumpur,Putrajaya|MV Male|ML Bamako|MT Valletta|MR Nouakchott
MU Port Louis|MX Mexico City|MD Chisinau|MC Monaco|MN Ulaanbaatar,Ulan Bator|ME Podgorica
MA Rabat,Marrakech,Casablanca|MZ Maputo|MM Naypyidaw,Nay Pyi Taw,Yangon|NA Windhoek
NP Kathmandu|NL The Hague,Amsterdam|NZ Wellington,Auckland|NI Managua|NE Niamey|NG Abuja,Lagos
KP Pyongyang|MK Skopje|NO Oslo|OM Muscat|PK Islamabad,Rawalpindi,Karachi,Lahore,Peshawar,Quetta,Gwadar,Multan,Faisalabad
PA Panama City|PG Port Moresby|PY Asuncion|PE Lima|PH Manila|PL Warsaw|PT Lisbon|QA Doha
RO Bucharest|RU Moscow,St. Petersburg,Saint Petersburg,Sochi,Vladivostok,Kazan,Novo-Ogaryovo
RW Kigali|SA Riyadh,Jeddah|SN Dakar|RS Belgrade|SC Victoria|SL Freetown|SG Singapore
SK Bratislava|SI Ljubljana|SO Mogadishu|ZA Pretoria,Tshwane,Johannesburg,Cape Town,Durban
KR Seoul,Busan|SS Juba|ES Madrid,Barcelona|LK Colombo|SD Khartoum|SR Paramaribo
SE Stockholm|CH Bern,Geneva,Davos,Zurich,Lausanne|SY Damascus|TJ Dushanbe|TZ Dodoma,Dar es Salaam
TH Bangkok|TL Dili|TG Lome|TO Nuku'alofa|TT Port of Spain|TN Tunis|TR Ankara,Istanbul,Antalya
TM Ashgabat|UG Kampala|UA Kyiv,Kiev|AE Abu Dhabi,Dubai|GB London|US Washington,New York,San Francisco,Los Angeles,Honolulu,Camp David,Woodside
UY Montevideo|UZ Tashkent,Samarkand|VU Port Vila|VE Caracas|VN Hanoi,Ho Chi Minh City,Da Nang
YE Sanaa|ZM Lusaka|ZW Harare|SB Honiara|WS Apia
CN Beijing,Shanghai,Guangzhou,Shenzhen,Xi'an,Xian,Chengdu,Chongqing,Tianjin,Wuhan,Hangzhou,Nanjing,Harbin,Kunming,Urumqi,Xiamen,Qingdao,Boao,Sanya,Haikou,Hong Kong,Macao,Macau,Dalian,Suzhou,Changsha,Hefei,Jinan,Shenyang,Lhasa
"""

_CITY_USUAL_NAMES = """
Delhi:New Delhi
"""
"""Another way texts write a city of `_CITIES` -> the name records use ('in Delhi' is a
meeting in New Delhi): a spelling or a shortening, never a different city."""

_VENUES = """
Great Hall of the People:Beijing|Diaoyutai State Guesthouse:Beijing|Diaoyutai:Beijing
Zhongnanhai:Beijing|White House:Washington|Oval Office:Washington|Kremlin:Moscow
Elysee Palace:Paris|Élysée Palace:Paris|Downing Street:London|Aiwan-e-Sadr:Islamabad
General Headquarters:Rawalpindi|GHQ:Rawalpindi|Rashtrapati Bhavan:New Delhi
Hyderabad House:New Delhi|Akasaka Palace:Tokyo|Kantei:Tokyo|Blue House:Seoul
Yongsan:Seoul|Chancellery:Berlin|Quirinal Palace:Rome|Palazzo Chigi:Rome
Ak Orda:Astana|Kasr-e-Ruhama:Kabul|Merdeka Palace:Jakarta|Istana:Singapore
"""

_AGENCIES = """
Xinhua:CN:Xinhua News Agency|CNS:CN:China News Service|CGTN:CN:CGTN|APP:PK:Associated Press of Pakistan
DNA:PK:DNA News Agency|PPI:PK:Pakistan Press International|TASS:RU:TASS|Sputnik:RU:Sputnik
RIA Novosti:RU:RIA Novosti|PTI:IN:Press Trust of India|ANI:IN:Asian News International
IANS:IN:Indo-Asian News Service|BSS:BD:Bangladesh Sangbad Sangstha|Kyodo:JP:Kyodo News
Yonhap:KR:Yonhap News Agency|KCNA:KP:Korean Central News Agency|IRNA:IR:Islamic Republic News Agency
Anadolu:TR:Anadolu Agency|AA:TR:Anadolu Agency|Bernama:MY:Bernama|Antara:ID:Antara
VNA:VN:Vietnam News Agency|KUNA:KW:Kuwait News Agency|WAM:AE:Emirates News Agency
SPA:SA:Saudi Press Agency|QNA:QA:Qatar News Agency|MENA:EG:Middle East News Agency
BelTA:BY:BelTA|Kazinform:KZ:Kazinform|UzA:UZ:UzA|Khovar:TJ:Khovar|Kabar:KG:Kabar
SANA:SY:Syrian Arab News Agency|Tasnim:IR:Tasnim News Agency|Trend:AZ:Trend News Agency
Xinhua News Agency:CN:Xinhua News Agency|Reuters::Reuters|AFP::Agence France-Presse|AP::Associated Press
"""
"""National news agencies as credited in datelines, '(Xinhua)' or '/DNA/': name, the
country whose agency it is (empty for international ones) and the agency's full name."""

_VENUE_ALIASES = """
Great Hall of the People:Great Hall of People|Great Hall|People's Great Hall|People's Great Hall of China
Diaoyutai State Guesthouse:Diaoyutai State Guest House
"""

_SEATS = """
Presidential Complex|Presidential Palace|Presidential Office|Prime Minister's Office
Prime Minister's House|Ministry of Foreign Affairs|Foreign Office|Naval Headquarters
"""
"""Seats of office that texts often write in lower case ('at the presidential complex'):
the usual name a venue takes when the text names one of them, whatever its case."""

_PLACE_WORDS = """
Kashmir Jammu Xinjiang Tibet Taiwan Hong Kong Macao Gwadar Sindh Punjab Balochistan Baluchistan
Khyber Pakhtunkhwa Gilgit Baltistan Kong Guangdong Shaanxi Hainan Yunnan Sichuan Fujian Zhejiang
Jiangsu Shandong Henan Hubei Hunan Hebei Shanxi Gansu Qinghai Guangxi Guizhou Jiangxi Anhui
Jilin Liaoning Heilongjiang Ningxia Inner Mongolia Crimea Donbas Gaza West Bank Ukraine
Asia Europe Africa America Americas Pacific Atlantic Indian Ocean Gulf Middle East Caucasus
South China Sea East China Sea Arabian Sea Himalayas Karakoram Ladakh Arunachal Wakhan
Washington Kabul Karachi Lahore Rawalpindi Beijing Moscow Delhi Korea Congo Guinea Sudan
Asian African European Oceanian Eurasian Caribbean Nordic Baltic Mediterranean
"""


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case `text` and strip accents and curly quotes, for comparing names."""
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _rows(table: str) -> list[tuple[str, list[str]]]:
    rows = []
    for line in table.strip().splitlines():
        for entry in line.split("|"):
            code, _, names = entry.strip().partition(" ")
            rows.append((code, [n.strip() for n in names.split(",") if n.strip()]))
    return rows


@cache
def _country_phrases() -> dict[str, str]:
    phrases: dict[str, str] = {}
    for entry in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(entry, attr, None)
            if value and "," not in value:
                phrases[fold(value)] = entry.alpha_2
    for code, names in _rows(_ALIASES) + _rows(_DEMONYMS):
        for name in names:
            phrases[fold(name)] = code
    return phrases


@lru_cache(maxsize=8192)
def country_of_phrase(phrase: str) -> str | None:
    """The country code a country name, alias or demonym stands for ('Pakistani' -> PK)."""
    folded = fold(phrase).strip()
    if folded.endswith("'s"):
        folded = folded[:-2]
    code = _country_phrases().get(folded)
    return None if code == "EU" else code


_USUAL_NAME: dict[str, str] = {
    fold(written): usual
    for line in _CITY_USUAL_NAMES.strip().splitlines()
    for written, _, usual in [line.partition(":")]
}


def _city_table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for code, names in _rows(_CITIES):
        for name in names:
            table[fold(name)] = (_USUAL_NAME.get(fold(name), name), code)
    return table


CITY_COUNTRY: dict[str, tuple[str, str]] = _city_table()
"""Folded city name -> (display name, country code); 'Delhi' displays as 'New Delhi'."""

CITY_SPELLINGS: tuple[str, ...] = tuple(
    sorted({name for _, names in _rows(_CITIES) for name in names}, key=lambda n: -len(n))
)
"""Every written form of a known city, longest first (for building patterns)."""

VENUE_CITY: dict[str, str] = {
    fold(venue): city
    for line in _VENUES.strip().splitlines()
    for venue, _, city in (item.partition(":") for item in line.split("|"))
}
"""Folded venue name -> the city it is in."""

AGENCIES: dict[str, tuple[str | None, str]] = {
    fold(name): (code or None, full)
    for line in _AGENCIES.strip().splitlines()
    for entry in line.split("|")
    for name, code, full in [entry.split(":")]
}
"""Folded credit ('xinhua', 'app') -> (country of a national agency or None, full name)."""

SEATS: dict[str, str] = {
    fold(name): name for line in _SEATS.strip().splitlines() for name in line.split("|")
}
"""Folded seat of office -> its usual written name."""

VENUE_ALIASES: dict[str, str] = {
    fold(alias): venue
    for line in _VENUE_ALIASES.strip().splitlines()
    for venue, _, aliases in [line.partition(":")]
    for alias in aliases.split("|")
}
"""Folded other name of a venue -> its usual name."""

_NAME_LIKE_CITIES = frozenset(
    ["victoria", "sofia", "santiago", "kingston", "georgetown", "praia", "male", "nice"]
)
_PLACE_WORD_SET = frozenset(
    fold(word) for word in re.split(r"\s+", _PLACE_WORDS.strip()) if word
) | frozenset(key for key in CITY_COUNTRY if " " not in key and key not in _NAME_LIKE_CITIES)


def city_country(name: str) -> tuple[str, str] | None:
    """(display name, country code) of a known city, or None."""
    return CITY_COUNTRY.get(fold(name))


def is_place_word(word: str) -> bool:
    """True when `word` is part of a known place name (city, region, sea...)."""
    return fold(word) in _PLACE_WORD_SET
