"""Build the English incident-summary dev gold sets (run: python tests/gold/build_en_gold.py).

The 44 summaries in :data:`SUMMARIES` are ORIGINAL illustrative texts written for kharita:
fictional events at real places, in the styles of conflict-data notes and wire briefs. They do
not copy or paraphrase any outlet or dataset. This script is the source of truth for three files:

- ``tests/data/en_summaries.jsonl``   the summaries (articles: id, lang, outlet, url, date, title, text)
- ``tests/gold/en_places_dev.jsonl``  every place mention (same schema as ``places_dev.jsonl``)
- ``tests/gold/en_incidents_dev.jsonl`` one line per incident (same schema as ``incidents_dev.jsonl``)

Offsets are computed, never typed: each summary's spans are listed in text order and found
sequentially as whole words (rules: ``tests/gold/README.md``). An entry ``(surface, None, "skip")``
consumes an occurrence that is deliberately not a place (a name inside a unit's name).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "en_summaries.jsonl"
PLACES_OUT = HERE / "en_places_dev.jsonl"
INCIDENTS_OUT = HERE / "en_incidents_dev.jsonl"
OUTLET = "kharita illustrative example"

# fmt: off
# (id suffix, record date or None, text)
SUMMARIES: list[tuple[str, str | None, str]] = [
    ("01", "2023-03-12",
     "On 12 March 2023, unidentified gunmen shot dead a tribal sheikh in front of his house in "
     "Al-Zubair district (Basrah). 1 fatality."),
    ("02", "2023-06-14",
     "BAGHDAD (Kharita Wire) \u2014 Two Katyusha rockets struck the perimeter of Baghdad International "
     "Airport late on Tuesday, damaging a parked cargo plane, security officials said. No casualties "
     "were reported. Officials blamed Iran-backed militias, while Tehran denied any role."),
    ("03", "2022-05-04",
     "On 4 May 2022, an IED planted on the road between Samarra and Tikrit (Salah al-Din) detonated "
     "against an Iraqi army patrol, wounding two soldiers."),
    ("04", "2024-03-19",
     "19 March 2024 \u2013 Sadr City, Baghdad. A drone strike hit a pickup truck on a main street of "
     "Sadr City shortly after midnight, killing two members of an armed faction and wounding a "
     "passer-by, according to local sources. No party claimed the strike."),
    ("05", "2021-08-23",
     "On 23 August 2021, ISIS militants attacked a PMF checkpoint in the village of Albu Khalil, west "
     "of Dujail (Salahuddin), sparking a two-hour firefight. Three PMF fighters and two militants "
     "were killed. 5 fatalities."),
    ("06", "2022-11-17",
     "RAMADI, Iraq \u2014 At least five rockets were fired at Al Asad Airbase in western Anbar province "
     "on Wednesday, the coalition said, adding that the base's air defences intercepted most of them. "
     "One contractor suffered a concussion. Washington blamed Iran-backed groups for the attack."),
    ("07", "2022-11-16",
     "On 16 November 2022, unidentified militants launched around seven Katyusha rockets at Ain "
     "al-Asad air base in Al-Baghdadi subdistrict (Heet, Al Anbar). Some of the rockets were shot "
     "down by C-RAM systems and a civilian contractor was lightly injured. No fatalities."),
    ("08", "2023-09-02",
     "On 2 September 2023, ISIS militants fired several mortar rounds at a PMF position in the "
     "Mutaibija area between Samarra and Dujail (Salah al-Din). No casualties were reported."),
    ("09", "2020-10-12",
     "KIRKUK (Kharita Wire) \u2014 A car bomb exploded near a busy market in the centre of Tuz Khurmatu "
     "on Sunday, killing four people and wounding 17 others, a local health official said. The mixed "
     "town, 75 km south of Kirkuk in Saladin province, has seen repeated attacks since 2017."),
    ("10", None,
     "BAGHDAD \u2014 A suicide bomber wearing an explosives belt blew himself up among day labourers "
     "gathered at a bus stop in the Karrada district early Thursday, killing at least 12 people and "
     "wounding dozens, police said."),
    ("11", None,
     "The death toll from Thursday's suicide attack on a bus stop in Baghdad's Karrada rose to 19, "
     "with 41 people wounded, a health ministry spokesman said on Friday. The Islamic State group "
     "claimed the bombing."),
    ("12", "2023-04-09",
     "On 9 April 2023, a Turkish air strike hit a house in the village of Gir Zerik in Sinjar "
     "district (Ninawa), killing two members of the Sinjar Resistance Units (YBS). Ankara said the "
     "strike targeted PKK militants."),
    ("13", "2024-01-27",
     "ERBIL, Kurdistan Region \u2014 Two explosive-laden drones targeted Harir air base, about 70 km "
     "north-east of Arbil, on Friday evening. One hit an empty hangar and the other was shot down, "
     "Kurdish security officials said, adding there were no injuries."),
    ("14", None,
     "Iraqi security forces shot down a drone approaching Victory Base near Baghdad International "
     "Airport on Monday, the Security Media Cell said. There was no damage and no casualties."),
    ("15", "2022-01-18",
     "On 18 January 2022, gunmen in two vehicles abducted a civil-society activist as he left his "
     "workplace in Al-Amarah city (Maysan). His whereabouts remain unknown."),
    ("16", "2023-10-22",
     "Counter-terrorism forces raided a house in the Adhamiyah district of northern Baghdad on "
     "Saturday and arrested three suspected ISIS members, including an alleged financier, a security "
     "statement said. One suspect was wounded in a brief exchange of fire."),
    ("17", "2023-07-15",
     "A large explosion shook an ammunition depot inside Balad Air Base, near the town of Balad about "
     "80 km north of Baghdad, on the night of 14 July 2023. The cause of the blast was not "
     "immediately known and no casualties were reported."),
    ("18", "2021-06-10",
     "NASIRIYAH \u2014 A dispute over farmland between two clans turned into a gunfight in the Al-Fuhud "
     "area east of Nasiriyah, Dhi Qar province, on Tuesday, leaving three dead and eight wounded. "
     "Police reinforcements were sent from Baghdad to separate the sides."),
    ("19", "2022-10-05",
     "On 5 October 2022, suspected ISIS militants opened fire on shepherds grazing their flocks near "
     "the village of Tal Qasim in Khanaqin district (Diyala), killing one shepherd and wounding "
     "another. Fatalities: 1."),
    ("20", "2022-02-15",
     "MOSUL \u2014 A roadside bomb exploded under a police vehicle in the Badush area west of Mosul on "
     "Sunday, wounding two officers. In a separate incident on the same day, mortar shells fell on "
     "farmland in Makhmour district, causing no casualties, the Nineveh Operations Command said."),
    ("21", "2022-06-27",
     "On 27 June 2022, a rocket landed inside Camp Taji, north of Baghdad, causing material damage. "
     "No casualties."),
    ("22", None,
     "A roadside bomb struck a minibus carrying pilgrims on the highway in Abu Ghraib, on the western "
     "outskirts of Baghdad, on Friday, killing two and wounding five, police said."),
    ("23", "2024-02-03",
     "On 3 February 2024, Iraqi army troops and ISIS militants clashed in orchards between Yusufiyah "
     "and Latifiyah (Baghdad). No fatalities reported."),
    ("24", "2022-08-24",
     "Gunmen on a motorcycle shot dead a local council member outside his home in Mahmudiyah, 30 km "
     "south of Baghdad, on Tuesday, police sources said."),
    ("25", "2023-05-11",
     "Unidentified aircraft struck positions of Kataib Hezbollah in Jurf al-Nasr, formerly known as "
     "Jurf al-Sakhar, north of Hillah in Babil province, late on Wednesday, setting off secondary "
     "explosions. Two fighters were killed, the group said, blaming Washington and Israel."),
    ("26", "2023-05-10",
     "On 10 May 2023, unidentified aircraft carried out air strikes on a Kataib Hezbollah base at "
     "Jurf Al-Sakhar (Al-Musayab, Babylon). 3 KH members were killed and 4 others wounded."),
    ("27", "2024-01-13",
     "On 13 January 2024, an explosive drone targeted the K-1 air base northwest of Kirkuk city "
     "(Kirkuk). The drone struck an empty building and caused no casualties. Iraqi officials said it "
     "had been launched from Syria."),
    ("28", "2023-08-20",
     "ERBIL \u2014 Coalition air defences intercepted a fixed-wing drone approaching the Erbil air base "
     "at the city's international airport late on Saturday, Kurdish security officials said. There "
     "were no casualties or damage."),
    ("29", "2021-12-08",
     "On 8 December 2021, two rockets were fired at Qayyarah Airfield West (Q-West), south of Mosul "
     "(Ninewa), which hosts Iraqi forces. No casualties."),
    ("30", None,
     "TIKRIT \u2014 Several mortar rounds hit Camp Speicher, the sprawling base north of Tikrit, on "
     "Monday, wounding a soldier, a military source said."),
    ("31", "2021-09-05",
     "An IED targeted a convoy of trucks carrying supplies for the US-led coalition on the highway "
     "near Camp Kalsu in Babil province on 5 September 2021, damaging one truck. No injuries were "
     "reported."),
    ("32", "2022-11-25",
     "BAQUBA \u2014 Gunmen kidnapped two farmers from their fields in Muqdadiyah district on Thursday. "
     "Hours later a roadside bomb wounded three soldiers searching for them in the orchards of Abu "
     "Saida, northeast of Baquba, security officials in Diyala said."),
    ("33", "2023-06-20",
     "On 20 June 2023, an IED exploded under a shepherd's pickup in the desert south of Rutba "
     "(Anbar), killing the driver. On the same day, Iraqi forces arrested five wanted suspects in a "
     "raid on a farm in the Saqlawiyah area of Fallujah district."),
    ("34", "2020-10-11",
     "On 11 October 2020, a VBIED detonated at the vegetable market in Tuz Khurmatu (Salah al-Din). "
     "5 people were killed and at least 20 injured."),
    ("35", None,
     "Iraqi border guards exchanged fire with a group of armed infiltrators who had crossed from "
     "Syria on the outskirts of Al-Qaim late on Saturday, killing two of them, the Joint Operations "
     "Command said."),
    ("36", "2022-06-18",
     "SULAIMANI \u2014 A drone struck a car on the road between Penjwen and Said Sadiq in Sulaymaniyah "
     "province on Friday, killing both people inside, local officials said. Ankara did not comment "
     "on the strike."),
    ("37", None,
     "HADITHA \u2014 Gunmen opened fire on a car carrying a family at the entrance of Haditha, 240 km "
     "northwest of Baghdad, late on Wednesday, killing the father and wounding two children, "
     "officials said."),
    ("38", "2022-01-03",
     "An improvised explosive device blew up beneath a Popular Mobilization Forces vehicle about 25 "
     "km north of Baghdad, in the Tarmiyah district, on 3 January 2022, killing one fighter and "
     "wounding at least three, security sources said."),
    ("39", "2021-05-26",
     "An IED struck a convoy of trucks heading north from Basra with supplies for the coalition on "
     "the highway in Diwaniyah province on Tuesday, causing no casualties, the Security Media Cell "
     "said."),
    ("40", "2024-08-12",
     "DOHUK \u2014 Turkish artillery shelled the outskirts of the village of Kesta in the Amedi "
     "district of Dohuk province on Sunday evening, wounding several civilians and burning orchards, "
     "a local official said."),
    ("41", "2024-09-12",
     "Two rockets struck the Green Zone late on Wednesday, landing near the river bank, police "
     "said. No casualties were reported."),
    ("42", "2024-10-08",
     "A Katyusha rocket fell inside the International Zone on Monday, a US official said, adding "
     "that no one was hurt."),
    ("43", "2024-03-10",
     "Iraqi army units are preparing to advance on Islamic State hideouts in the Hamrin mountains, "
     "a military spokesman said on Sunday."),
    ("44", "2024-02-07",
     "A US air strike killed four militants near al-Qaim on Tuesday, the coalition said."),
]

# key: (name_en, lat, lon, iraqi, type, approx) -- annotator's knowledge of published points;
# governorates at their capital, countries at their conventional centroid (README "Coordinates").
P = {
    "iraq": ("Iraq", 33.0, 44.0, True, "country", False),
    "krg": ("Kurdistan Region", 36.19, 44.01, True, "region", False),
    "baghdad": ("Baghdad", 33.3406, 44.4009, True, "city", False),
    "baghdad_gov": ("Baghdad Governorate", 33.3406, 44.4009, True, "governorate", False),
    "basra": ("Basra", 30.5085, 47.7804, True, "city", False),
    "basra_gov": ("Basra Governorate", 30.5085, 47.7804, True, "governorate", False),
    "anbar": ("Anbar Governorate", 33.4206, 43.3078, True, "governorate", False),
    "ramadi": ("Ramadi", 33.4206, 43.3078, True, "city", False),
    "salahaddin": ("Salah al-Din Governorate", 34.6071, 43.6782, True, "governorate", False),
    "tikrit": ("Tikrit", 34.6071, 43.6782, True, "city", False),
    "ninawa": ("Ninawa Governorate", 36.3350, 43.1189, True, "governorate", False),
    "mosul": ("Mosul", 36.3350, 43.1189, True, "city", False),
    "kirkuk": ("Kirkuk", 35.4681, 44.3922, True, "city", False),
    "kirkuk_gov": ("Kirkuk Governorate", 35.4681, 44.3922, True, "governorate", False),
    "diyala": ("Diyala Governorate", 33.7466, 44.6437, True, "governorate", False),
    "baqubah": ("Baqubah", 33.7466, 44.6437, True, "city", False),
    "babil": ("Babil Governorate", 32.4637, 44.4196, True, "governorate", False),
    "hillah": ("Hillah", 32.4637, 44.4196, True, "city", False),
    "maysan": ("Maysan Governorate", 31.8356, 47.1448, True, "governorate", False),
    "amarah": ("Amarah", 31.8356, 47.1448, True, "city", False),
    "dhiqar": ("Dhi Qar Governorate", 31.0439, 46.2576, True, "governorate", False),
    "nasiriyah": ("Nasiriyah", 31.0439, 46.2576, True, "city", False),
    "qadisiyah": ("Al-Qadisiyah Governorate", 31.9929, 44.9249, True, "governorate", False),
    "erbil": ("Erbil", 36.1912, 44.0092, True, "city", False),
    "sulay": ("Sulaymaniyah", 35.5613, 45.4378, True, "city", False),
    "sulay_gov": ("Sulaymaniyah Governorate", 35.5613, 45.4378, True, "governorate", False),
    "duhok_city": ("Duhok", 36.8667, 42.9500, True, "city", False),
    "duhok": ("Duhok Governorate", 36.8667, 42.9500, True, "governorate", False),
    # districts, towns, neighbourhoods, villages
    "zubair": ("Al-Zubair district", 30.3892, 47.7018, True, "district", False),
    "samarra": ("Samarra", 34.1959, 43.8857, True, "city", False),
    "sadr_city": ("Sadr City (Baghdad)", 33.392, 44.460, True, "neighbourhood", True),
    "karrada": ("Karrada (Baghdad)", 33.305, 44.425, True, "neighbourhood", True),
    "adhamiyah": ("Adhamiyah (Baghdad)", 33.370, 44.362, True, "neighbourhood", True),
    "albu_khalil": ("Albu Khalil village (near Dujail)", 33.83, 44.18, True, "village", True),
    "dujail": ("Dujail", 33.8281, 44.2328, True, "town", False),
    "baghdadi_sd": ("al-Baghdadi sub-district", 33.865, 42.545, True, "subdistrict", False),
    "hit": ("Hit (Heet) district", 33.6416, 42.8251, True, "district", False),
    "mutaibija": ("Mutaibija area (Salah al-Din)", 34.05, 44.25, True, "area", True),
    "tuz": ("Tuz Khurmatu", 34.8856, 44.6326, True, "town", False),
    "gir_zerik": ("Gir Zerik village (Sinjar)", 36.43, 41.77, True, "village", True),
    "sinjar": ("Sinjar district", 36.3209, 41.8765, True, "district", False),
    "harir": ("Harir Air Base", 36.5367, 44.3419, True, "base", False),
    "victory": ("Victory Base Complex", 33.2925, 44.2575, True, "base", True),
    "balad_ab": ("Balad Air Base", 33.9402, 44.3615, True, "base", False),
    "balad": ("Balad", 34.0164, 44.1453, True, "town", False),
    "fuhud": ("al-Fuhud sub-district", 30.97, 46.72, True, "subdistrict", True),
    "tal_qasim": ("Tal Qasim village (Khanaqin)", 34.40, 45.30, True, "village", True),
    "khanaqin": ("Khanaqin district", 34.3480, 45.3910, True, "district", False),
    "badush": ("Badush", 36.41, 42.97, True, "town", True),
    "makhmour": ("Makhmour district", 35.7758, 43.5797, True, "district", False),
    "camp_taji": ("Camp Taji", 33.524, 44.256, True, "base", False),
    "abu_ghraib": ("Abu Ghraib", 33.2919, 44.0653, True, "town", False),
    "yusufiyah": ("Yusufiyah", 33.07, 44.24, True, "town", True),
    "latifiyah": ("Latifiyah", 32.98, 44.33, True, "town", True),
    "mahmudiyah": ("Mahmudiyah", 33.0611, 44.3572, True, "town", False),
    "jurf": ("Jurf al-Sakhar (Jurf al-Nasr)", 32.87, 44.17, True, "town", True),
    "musayab": ("Al-Musayab district", 32.7786, 44.2900, True, "district", False),
    "k1": ("K-1 Air Base (Kirkuk)", 35.51, 44.28, True, "base", True),
    "erbil_ab": ("Erbil Air Base (Erbil International Airport)", 36.2376, 43.9632, True, "base", False),
    "qwest": ("Qayyarah Airfield West (Q-West)", 35.7672, 43.1250, True, "base", False),
    "speicher": ("Camp Speicher", 34.6672, 43.5428, True, "base", False),
    "kalsu": ("Camp Kalsu", 32.916, 44.268, True, "base", False),
    "muqdadiya": ("al-Muqdadiya district", 33.9783, 44.9369, True, "district", False),
    "abu_saida": ("Abu Saida sub-district", 33.89, 44.77, True, "subdistrict", True),
    "rutba": ("Rutba", 33.0381, 40.2848, True, "town", False),
    "saqlawiyah": ("Saqlawiyah", 33.4036, 43.6697, True, "subdistrict", True),
    "fallujah": ("Fallujah district", 33.3538, 43.7829, True, "district", False),
    "qaim": ("Al-Qaim", 34.3686, 41.0944, True, "town", False),
    "green_zone": ("Green Zone", 33.30, 44.39, True, "neighbourhood", True),
    "hamrin": ("Hamrin Mountains", 34.50, 44.50, True, "mountain", True),
    "penjwen": ("Penjwen", 35.6233, 45.9428, True, "town", False),
    "said_sadiq": ("Said Sadiq", 35.3536, 45.8667, True, "town", False),
    "haditha": ("Haditha", 34.1390, 42.3780, True, "town", False),
    "tarmiyah": ("Tarmiyah district", 33.6712, 44.3944, True, "district", False),
    "amadiya": ("Amadiya (Amedi) district", 37.0925, 43.4872, True, "district", False),
    "kesta": ("Kesta village (Amedi)", 37.10, 43.45, True, "village", True),
    "biap": ("Baghdad International Airport", 33.2625, 44.2346, True, "airport", False),
    "ain_asad": ("Ain al-Asad Air Base", 33.7856, 42.4411, True, "base", False),
    # foreign
    "tehran": ("Tehran", 35.6892, 51.3890, False, "city", False),
    "washington": ("Washington, D.C.", 38.8951, -77.0364, False, "city", False),
    "ankara": ("Ankara", 39.9199, 32.8543, False, "city", False),
    "israel": ("Israel", 31.4, 35.0, False, "country", False),
    "syria": ("Syria", 35.0, 38.0, False, "country", False),
}

S = "site"
C = "container"
R = "reference"
PR = "prior"
A = "actor"
D = "dateline"
OTH = "other"
SKIP = "skip"

ANN: dict[str, list[tuple[str, str | None, str]]] = {
    "01": [("Al-Zubair district", "zubair", S), ("Basrah", "basra_gov", C)],
    "02": [("BAGHDAD", "baghdad", D), ("Baghdad International Airport", "biap", S),
           ("Tehran", "tehran", A)],  # "Iran-backed": adjective, not a place
    "03": [("Samarra", "samarra", R), ("Tikrit", "tikrit", R), ("Salah al-Din", "salahaddin", S)],
    "04": [("Sadr City", "sadr_city", S), ("Baghdad", "baghdad", C), ("Sadr City", "sadr_city", S)],
    "05": [("Albu Khalil", "albu_khalil", S), ("Dujail", "dujail", R),
           ("Salahuddin", "salahaddin", C)],
    "06": [("RAMADI", "ramadi", D), ("Iraq", "iraq", D), ("Al Asad Airbase", "ain_asad", S),
           ("Anbar province", "anbar", C), ("Washington", "washington", A)],
    "07": [("Ain al-Asad air base", "ain_asad", S), ("Al-Baghdadi subdistrict", "baghdadi_sd", C),
           ("Heet", "hit", C), ("Al Anbar", "anbar", C)],
    "08": [("Mutaibija", "mutaibija", S), ("Samarra", "samarra", R), ("Dujail", "dujail", R),
           ("Salah al-Din", "salahaddin", C)],
    "09": [("KIRKUK", "kirkuk", D), ("Tuz Khurmatu", "tuz", S), ("Kirkuk", "kirkuk", R),
           ("Saladin province", "salahaddin", C)],
    "10": [("BAGHDAD", "baghdad", D), ("Karrada district", "karrada", S)],
    "11": [("Baghdad", "baghdad", C), ("Karrada", "karrada", S)],
    "12": [("Gir Zerik", "gir_zerik", S), ("Sinjar district", "sinjar", C), ("Ninawa", "ninawa", C),
           ("Sinjar", None, SKIP),  # "Sinjar Resistance Units": armed unit's name
           ("Ankara", "ankara", A)],
    "13": [("ERBIL", "erbil", D), ("Kurdistan Region", "krg", D), ("Harir air base", "harir", S),
           ("Arbil", "erbil", R)],
    "14": [("Victory Base", "victory", S), ("Baghdad International Airport", "biap", R)],
    "15": [("Al-Amarah city", "amarah", S), ("Maysan", "maysan", C)],
    "16": [("Adhamiyah district", "adhamiyah", S), ("Baghdad", "baghdad", C)],
    "17": [("Balad Air Base", "balad_ab", S), ("Balad", "balad", R), ("Baghdad", "baghdad", R)],
    "18": [("NASIRIYAH", "nasiriyah", D), ("Al-Fuhud", "fuhud", S), ("Nasiriyah", "nasiriyah", R),
           ("Dhi Qar province", "dhiqar", C), ("Baghdad", "baghdad", OTH)],
    "19": [("Tal Qasim", "tal_qasim", R), ("Khanaqin district", "khanaqin", S),
           ("Diyala", "diyala", C)],
    "20": [("MOSUL", "mosul", D), ("Badush", "badush", S), ("Mosul", "mosul", R),
           ("Makhmour district", "makhmour", S),
           ("Nineveh", None, SKIP)],  # "Nineveh Operations Command": command's name
    "21": [("Camp Taji", "camp_taji", S), ("Baghdad", "baghdad", R)],
    "22": [("Abu Ghraib", "abu_ghraib", S), ("Baghdad", "baghdad", R)],
    "23": [("Yusufiyah", "yusufiyah", R), ("Latifiyah", "latifiyah", R),
           ("Baghdad", "baghdad_gov", S)],
    "24": [("Mahmudiyah", "mahmudiyah", S), ("Baghdad", "baghdad", R)],
    "25": [("Jurf al-Nasr", "jurf", S), ("Jurf al-Sakhar", "jurf", S), ("Hillah", "hillah", R),
           ("Babil province", "babil", C), ("Washington", "washington", A),
           ("Israel", "israel", A)],
    "26": [("Jurf Al-Sakhar", "jurf", S), ("Al-Musayab", "musayab", C), ("Babylon", "babil", C)],
    "27": [("K-1 air base", "k1", S), ("Kirkuk city", "kirkuk", R), ("Kirkuk", "kirkuk_gov", C),
           ("Syria", "syria", OTH)],  # launch point, not the site
    "28": [("ERBIL", "erbil", D), ("Erbil air base", "erbil_ab", S)],
    "29": [("Qayyarah Airfield West", "qwest", S), ("Q-West", "qwest", S), ("Mosul", "mosul", R),
           ("Ninewa", "ninawa", C)],
    "30": [("TIKRIT", "tikrit", D), ("Camp Speicher", "speicher", S), ("Tikrit", "tikrit", R)],
    "31": [("Camp Kalsu", "kalsu", R), ("Babil province", "babil", S)],
    "32": [("BAQUBA", "baqubah", D), ("Muqdadiyah district", "muqdadiya", S),
           ("Abu Saida", "abu_saida", S), ("Baquba", "baqubah", R), ("Diyala", "diyala", C)],
    "33": [("Rutba", "rutba", R), ("Anbar", "anbar", S), ("Saqlawiyah", "saqlawiyah", S),
           ("Fallujah district", "fallujah", C)],
    "34": [("Tuz Khurmatu", "tuz", S), ("Salah al-Din", "salahaddin", C)],
    "35": [("Syria", "syria", OTH), ("Al-Qaim", "qaim", S)],  # infiltrators' origin
    "36": [("SULAIMANI", "sulay", D), ("Penjwen", "penjwen", R), ("Said Sadiq", "said_sadiq", R),
           ("Sulaymaniyah province", "sulay_gov", S), ("Ankara", "ankara", A)],
    "37": [("HADITHA", "haditha", D), ("Haditha", "haditha", S), ("Baghdad", "baghdad", R)],
    "38": [("Baghdad", "baghdad", R), ("Tarmiyah district", "tarmiyah", S)],
    "39": [("Basra", "basra", OTH), ("Diwaniyah province", "qadisiyah", S)],  # convoy's origin
    "40": [("DOHUK", "duhok_city", D), ("Kesta", "kesta", S), ("Amedi district", "amadiya", C),
           ("Dohuk province", "duhok", C)],
    "41": [("Green Zone", "green_zone", S)],  # capitalised_name
    "42": [("International Zone", "green_zone", S)],  # preposition_article
    "43": [("Hamrin mountains", "hamrin", OTH)],  # intent: no incident
    "44": [("al-Qaim", "qaim", S)],  # capitals_actor ("US air strike")
}

# (id suffix, type, date, precision, killed, wounded, (site surface, k-th annotated span with
#  that surface), lat/lon override or None, approx, event_key, note)
Num = tuple[int | None, int | None] | None
Z: Num = (0, 0)
INC: list[tuple[str, str, str | None, str | None, Num, Num, tuple[str, int],
                tuple[float, float] | None, bool, str, str]] = [
    ("01", "assassination", "2023-03-12", "day", (1, 1), None, ("Al-Zubair district", 0),
     None, True, "zubair-sheikh-assassination-2023-03-12", "house not located"),
    ("02", "rocket_attack", "2023-06-13", "day", Z, Z, ("Baghdad International Airport", 0),
     None, False, "biap-rockets-2023-06-13", "'Tuesday', record dated Wednesday 2023-06-14"),
    ("03", "ied", "2022-05-04", "day", None, (2, 2), ("Salah al-Din", 0),
     (34.40, 43.78), True, "samarra-tikrit-road-ied-2022-05-04", "road between Samarra and Tikrit"),
    ("04", "drone_strike", "2024-03-19", "day", (2, 2), (1, 1), ("Sadr City", 0),
     None, True, "sadr-city-drone-strike-2024-03-19", ""),
    ("05", "armed_clash", "2021-08-23", "day", (5, 5), None, ("Albu Khalil", 0),
     None, True, "albu-khalil-dujail-clash-2021-08-23", "3 PMF + 2 militants"),
    ("06", "rocket_attack", "2022-11-16", "day", None, (1, 1), ("Al Asad Airbase", 0),
     None, False, "ain-al-asad-rockets-2022-11-16", "same event as en-sum-07; 'Wednesday'"),
    ("07", "rocket_attack", "2022-11-16", "day", Z, (1, 1), ("Ain al-Asad air base", 0),
     None, False, "ain-al-asad-rockets-2022-11-16", "same event as en-sum-06"),
    ("08", "shelling", "2023-09-02", "day", Z, Z, ("Mutaibija", 0),
     None, True, "mutaibija-mortars-2023-09-02", "mortar rounds"),
    ("09", "car_bomb", "2020-10-11", "day", (4, 4), (17, 17), ("Tuz Khurmatu", 0),
     None, False, "tuz-car-bomb-2020-10-11", "same event as en-sum-34; 'Sunday'"),
    ("10", "suicide_bombing", None, None, (12, None), (24, None), ("Karrada district", 0),
     None, True, "karrada-bus-stop-suicide-en-sum-10", "'dozens' wounded read as >= 24; no date"),
    ("11", "suicide_bombing", None, None, (19, 19), (41, 41), ("Karrada", 0),
     None, True, "karrada-bus-stop-suicide-en-sum-10", "same event as en-sum-10, revised toll"),
    ("12", "air_strike", "2023-04-09", "day", (2, 2), None, ("Gir Zerik", 0),
     None, True, "gir-zerik-turkish-strike-2023-04-09", ""),
    ("13", "drone_attack", "2024-01-26", "day", Z, Z, ("Harir air base", 0),
     None, False, "harir-drone-attack-2024-01-26", "one drone hit, one shot down: one attack"),
    ("14", "downed_drone", None, None, Z, Z, ("Victory Base", 0),
     None, True, "victory-base-drone-en-sum-14", "'Monday', no record date"),
    ("15", "kidnapping", "2022-01-18", "day", None, None, ("Al-Amarah city", 0),
     None, False, "amarah-activist-kidnapping-2022-01-18", ""),
    ("16", "arrest_raid", "2023-10-21", "day", None, (1, 1), ("Adhamiyah district", 0),
     None, True, "adhamiyah-arrest-raid-2023-10-21", "'Saturday'"),
    ("17", "explosion", "2023-07-14", "day", Z, Z, ("Balad Air Base", 0),
     None, False, "balad-airbase-depot-explosion-2023-07-14", "cause unknown"),
    ("18", "armed_clash", "2021-06-08", "day", (3, 3), (8, 8), ("Al-Fuhud", 0),
     None, True, "fuhud-tribal-clash-2021-06-08", "tribal fighting; 'Tuesday'"),
    ("19", "armed_attack", "2022-10-05", "day", (1, 1), (1, 1), ("Khanaqin district", 0),
     (34.40, 45.30), True, "khanaqin-shepherds-attack-2022-10-05", "near Tal Qasim village"),
    ("20", "ied", "2022-02-13", "day", None, (2, 2), ("Badush", 0),
     None, True, "badush-ied-2022-02-13", "'Sunday'"),
    ("20", "shelling", "2022-02-13", "day", Z, Z, ("Makhmour district", 0),
     None, True, "makhmour-mortars-2022-02-13", "'on the same day'"),
    ("21", "rocket_attack", "2022-06-27", "day", Z, Z, ("Camp Taji", 0),
     None, False, "camp-taji-rocket-2022-06-27", ""),
    ("22", "ied", None, None, (2, 2), (5, 5), ("Abu Ghraib", 0),
     None, True, "abu-ghraib-minibus-ied-en-sum-22", "'Friday', no record date"),
    ("23", "armed_clash", "2024-02-03", "day", Z, None, ("Baghdad", 0),
     (33.02, 44.28), True, "yusufiyah-latifiyah-clash-2024-02-03", "between Yusufiyah and Latifiyah"),
    ("24", "assassination", "2022-08-23", "day", (1, 1), None, ("Mahmudiyah", 0),
     None, False, "mahmudiyah-councillor-assassination-2022-08-23", "'Tuesday'"),
    ("25", "air_strike", "2023-05-10", "day", (2, 2), None, ("Jurf al-Nasr", 0),
     None, True, "jurf-al-sakhar-airstrike-2023-05-10", "same event as en-sum-26; 'Wednesday'"),
    ("26", "air_strike", "2023-05-10", "day", (3, 3), (4, 4), ("Jurf Al-Sakhar", 0),
     None, True, "jurf-al-sakhar-airstrike-2023-05-10", "same event as en-sum-25, other figures"),
    ("27", "drone_attack", "2024-01-13", "day", Z, Z, ("K-1 air base", 0),
     None, True, "k1-drone-attack-2024-01-13", "launched from Syria (not a site)"),
    ("28", "downed_drone", "2023-08-19", "day", Z, Z, ("Erbil air base", 0),
     None, False, "erbil-airbase-drone-2023-08-19", "'Saturday'"),
    ("29", "rocket_attack", "2021-12-08", "day", Z, Z, ("Qayyarah Airfield West", 0),
     None, False, "q-west-rockets-2021-12-08", ""),
    ("30", "shelling", None, None, None, (1, 1), ("Camp Speicher", 0),
     None, False, "speicher-mortars-en-sum-30", "'Monday', no record date"),
    ("31", "ied", "2021-09-05", "day", Z, Z, ("Babil province", 0),
     (32.93, 44.27), True, "kalsu-convoy-ied-2021-09-05", "highway near Camp Kalsu"),
    ("32", "kidnapping", "2022-11-24", "day", None, None, ("Muqdadiyah district", 0),
     None, True, "muqdadiyah-farmers-kidnapping-2022-11-24", "'Thursday'"),
    ("32", "ied", "2022-11-24", "day", None, (3, 3), ("Abu Saida", 0),
     None, True, "abu-saida-ied-2022-11-24", "'hours later', read as the same day"),
    ("33", "ied", "2023-06-20", "day", (1, 1), None, ("Anbar", 0),
     (32.80, 40.30), True, "rutba-desert-ied-2023-06-20", "desert south of Rutba"),
    ("33", "arrest_raid", "2023-06-20", "day", None, None, ("Saqlawiyah", 0),
     None, True, "saqlawiyah-arrest-raid-2023-06-20", ""),
    ("34", "car_bomb", "2020-10-11", "day", (5, 5), (20, None), ("Tuz Khurmatu", 0),
     None, False, "tuz-car-bomb-2020-10-11", "same event as en-sum-09, updated toll"),
    ("35", "armed_clash", None, None, (2, 2), None, ("Al-Qaim", 0),
     None, True, "qaim-border-clash-en-sum-35", "'Saturday', no record date"),
    ("36", "drone_strike", "2022-06-17", "day", (2, 2), None, ("Sulaymaniyah province", 0),
     (35.49, 45.90), True, "penjwen-said-sadiq-drone-strike-2022-06-17", "road Penjwen-Said Sadiq"),
    ("37", "armed_attack", None, None, (1, 1), (2, 2), ("Haditha", 0),
     None, False, "haditha-family-attack-en-sum-37", "'Wednesday', no record date"),
    ("38", "ied", "2022-01-03", "day", (1, 1), (3, None), ("Tarmiyah district", 0),
     None, True, "tarmiyah-pmf-ied-2022-01-03", "25 km north of Baghdad"),
    ("39", "ied", "2021-05-25", "day", Z, Z, ("Diwaniyah province", 0),
     None, True, "diwaniyah-convoy-ied-2021-05-25", "'Tuesday'"),
    ("40", "shelling", "2024-08-11", "day", None, (1, None), ("Kesta", 0),
     None, True, "kesta-turkish-shelling-2024-08-11", "'several' wounded counts 1 (README)"),
    ("41", "rocket_attack", "2024-09-11", "day", Z, Z, ("Green Zone", 0),
     None, True, "green-zone-rockets-2024-09-11", "capitals after 'struck the': a name"),
    ("42", "rocket_attack", "2024-10-07", "day", Z, Z, ("International Zone", 0),
     None, True, "international-zone-rocket-2024-10-07", "'inside the International Zone'"),
    ("44", "air_strike", "2024-02-06", "day", (4, 4), None, ("al-Qaim", 0),
     None, False, "qaim-us-air-strike-2024-02-06", "'US' in capitals is the United States"),
]
# fmt: on

_WORD = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ffA-Za-z0-9\u0660-\u0669]")


def article_id(suffix: str) -> str:
    return f"en-sum-{suffix}"


def find_next(text: str, surface: str, cursor: int) -> int:
    """Next whole-word occurrence of ``surface`` at or after ``cursor``."""
    pos = text.find(surface, cursor)
    while pos >= 0:
        end = pos + len(surface)
        before_ok = pos == 0 or not _WORD.match(text[pos - 1])
        after_ok = end == len(text) or not _WORD.match(text[end])
        if before_ok and after_ok:
            return pos
        pos = text.find(surface, pos + 1)
    raise ValueError(f"{surface!r} not found after {cursor}")


def articles() -> list[dict[str, object]]:
    return [
        {
            "id": article_id(sfx),
            "lang": "en",
            "outlet": OUTLET,
            "url": None,
            "date": date,
            "title": None,
            "text": text,
        }
        for sfx, date, text in SUMMARIES
    ]


def _spans(aid: str, text: str) -> list[dict[str, object]]:
    cursor = 0
    out: list[dict[str, object]] = []
    for surface, key, role in ANN.get(aid.removeprefix("en-sum-"), []):
        try:
            start = find_next(text, surface, cursor)
        except ValueError as exc:
            raise ValueError(f"{aid}: {exc}") from None
        cursor = start + len(surface)
        if role == SKIP or key is None:
            continue
        name_en, lat, lon, iraqi, ptype, approx = P[key]
        out.append(
            {
                "start": start,
                "end": cursor,
                "text": surface,
                "name_en": name_en,
                "lat": lat,
                "lon": lon,
                "role": role,
                "iraqi": iraqi,
                "type": ptype,
                "approx": approx,
                "key": key,
            }
        )
    return out


def _count(value: Num) -> dict[str, int | None] | None:
    return None if value is None else {"min": value[0], "max": value[1]}


def build() -> tuple[
    list[dict[str, object]], list[dict[str, object]], list[dict[str, object]]
]:
    arts = articles()
    spans = {str(a["id"]): _spans(str(a["id"]), str(a["text"])) for a in arts}
    place_lines: list[dict[str, object]] = [
        {"id": aid, "places": sp} for aid, sp in spans.items()
    ]
    inc_lines: list[dict[str, object]] = []
    for sfx, itype, date, prec, killed, wounded, (
        surf,
        k,
    ), ll, approx, ekey, note in INC:
        aid = article_id(sfx)
        sp = [s for s in spans[aid] if s["text"] == surf][k]
        lat, lon = ll if ll else (sp["lat"], sp["lon"])
        inc_lines.append(
            {
                "article_id": aid,
                "type": itype,
                "date": date,
                "date_precision": prec,
                "killed": _count(killed),
                "wounded": _count(wounded),
                "place_text": surf,
                "place_start": sp["start"],
                "place_end": sp["end"],
                "place_key": sp["key"],
                "lat": lat,
                "lon": lon,
                "approx": approx,
                "event_key": ekey,
                "note": note,
            }
        )
    return arts, place_lines, inc_lines


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> int:
    arts, places, incidents = build()
    _write(DATA, arts)
    _write(PLACES_OUT, places)
    _write(INCIDENTS_OUT, incidents)
    n_spans = sum(len(p["places"]) for p in places)  # type: ignore[arg-type]
    sys.stdout.write(
        f"{len(arts)} summaries, {n_spans} place spans, {len(incidents)} incidents\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
