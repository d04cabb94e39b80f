#!/usr/bin/env python3
"""Write fixtures/dedup/: event mentions (EventRecord JSONL) of stories reported by several
sources, and the gold pairs of mentions that report the same real-world event.

Every story, sentence and coordinate here was written by the tacitus team for this fixture.
Each mention line also carries `published` (the document's date) and `source`, which the test
uses to build the document the mention came from. Run from the repository root:

    python3 scripts/store/make_dedup_fixture.py
"""
import itertools
import json
import os

PLACES = {
    "Sochi": (43.60, 39.73, "RUS"),
    "Adler": (43.43, 39.92, "RUS"),
    "Jermuk": (39.84, 45.67, "ARM"),
    "Goris": (39.51, 46.34, "ARM"),
    "Istanbul": (41.01, 28.98, "TUR"),
    "Kharkiv": (49.99, 36.23, "UKR"),
    "Kherson": (46.64, 32.61, "UKR"),
    "Niamey": (13.51, 2.11, "NER"),
    "Khartoum": (15.50, 32.56, "SDN"),
    "Omdurman": (15.64, 32.48, "SDN"),
    "Beijing": (39.90, 116.41, "CHN"),
    "Yerevan": (40.18, 44.51, "ARM"),
    "Bamako": (12.64, -8.00, "MLI"),
    "Brussels": (50.85, 4.35, "BEL"),
    "Sderot": (31.52, 34.60, "ISR"),
}

QUAD = {"04": (1, 1.0), "05": (2, 3.5), "11": (3, -2.0), "14": (3, -6.5), "16": (4, -5.6), "17": (4, -7.0), "18": (4, -9.0), "19": (4, -10.0)}

# (cluster, mention id, doc id, source, published, event date or None, actors, recipients,
#  cameo, PLOVER type, modality, place or None, sentence)
MENTIONS = [
    # Sochi talks: three sources, one with the roles swapped, one a day later without a place.
    ("sochi-talks", "m01", "reu-1031-a", "Reuters", "2022-10-31", "2022-10-31", ["AZEGOV"], ["ARMGOV"], "040", "CONSULT", "asserted", "Sochi",
     "Azerbaijan's president Ilham Aliyev met Armenian prime minister Nikol Pashinyan in Sochi."),
    ("sochi-talks", "m02", "afp-1031-b", "AFP", "2022-10-31", "2022-10-31", ["ARMGOV"], ["AZEGOV"], "040", "CONSULT", "asserted", "Sochi",
     "Pashinyan held talks with Aliyev at the Black Sea resort on Monday."),
    ("sochi-talks", "m03", "ap-1101-c", "AP", "2022-11-01", "2022-10-31", ["AZEGOV"], ["ARMGOV"], "043", "CONSULT", "asserted", None,
     "The leaders of Armenia and Azerbaijan met on Monday, the Kremlin said."),
    ("putin-hosts", "m04", "reu-1031-a", "Reuters", "2022-10-31", "2022-10-31", ["RUSGOV"], ["AZEGOV"], "042", "CONSULT", "asserted", "Sochi",
     "Putin hosted Aliyev for talks in Sochi."),
    ("putin-hosts", "m05", "afp-1031-b", "AFP", "2022-10-31", "2022-10-31", ["RUSGOV"], ["AZEGOV"], "040", "CONSULT", "asserted", "Adler",
     "Russian president Vladimir Putin received the Azerbaijani leader near Sochi."),
    # Border clash: the third source locates it 70 km away (a known miss: one offensive, several towns).
    ("border-clash", "m06", "reu-0913-a", "Reuters", "2022-09-13", "2022-09-13", ["AZEMIL"], ["ARMMIL"], "190", "ASSAULT", "asserted", "Jermuk",
     "Azerbaijani troops attacked Armenian positions near Jermuk overnight."),
    ("border-clash", "m07", "bbc-0913-b", "BBC", "2022-09-13", "2022-09-13", ["AZEMIL"], ["ARMMIL"], "195", "ASSAULT", "asserted", None,
     "Azerbaijani drones struck Armenian army posts, Yerevan said."),
    ("border-clash", "m08", "arm-0914-c", "Armenpress", "2022-09-14", "2022-09-13", ["AZEMIL"], ["ARMMIL"], "190", "ASSAULT", "asserted", "Goris",
     "Azerbaijani forces shelled positions around Goris on Tuesday."),
    ("accusation", "m09", "reu-0913-a", "Reuters", "2022-09-13", "2022-09-13", ["ARMGOV"], ["AZEGOV"], "112", "ACCUSE", "asserted", "Yerevan",
     "Armenia accused Azerbaijan of a large-scale provocation."),
    ("accusation", "m10", "bbc-0913-b", "BBC", "2022-09-13", "2022-09-13", ["ARMGOV"], ["AZEGOV"], "111", "ACCUSE", "asserted", None,
     "Yerevan blamed Baku for the escalation."),
    # A new clash a week later: a follow-up outside the window.
    ("border-clash-2", "m11", "reu-0920-a", "Reuters", "2022-09-20", "2022-09-20", ["AZEMIL"], ["ARMMIL"], "190", "ASSAULT", "asserted", "Jermuk",
     "Fresh fighting broke out as Azerbaijani troops fired on Armenian positions near Jermuk."),
    ("border-clash-2", "m12", "afp-0921-b", "AFP", "2022-09-21", "2022-09-20", ["AZEMIL"], ["ARMMIL"], "193", "ASSAULT", "asserted", None,
     "Azerbaijani soldiers opened fire on Armenian troops on Tuesday."),
    ("protest", "m13", "arm-0914-c", "Armenpress", "2022-09-14", "2022-09-14", ["ARMOPP"], ["ARMGOV"], "141", "PROTEST", "asserted", "Yerevan",
     "Opposition supporters rallied outside the government building in Yerevan."),
    ("protest", "m14", "reu-0914-d", "Reuters", "2022-09-14", "2022-09-14", ["ARMOPP"], ["ARMGOV"], "141", "PROTEST", "asserted", "Yerevan",
     "Thousands protested against Pashinyan in the capital."),
    # Grain deal, and its extension months later.
    ("grain-deal", "m15", "reu-0722-a", "Reuters", "2022-07-22", "2022-07-22", ["RUSGOV"], ["UKRGOV"], "057", "AGREE", "asserted", "Istanbul",
     "Russia and Ukraine signed a deal to reopen Black Sea grain exports in Istanbul."),
    ("grain-deal", "m16", "alj-0722-b", "Al Jazeera", "2022-07-22", "2022-07-22", ["RUSGOV"], ["UKRGOV"], "057", "AGREE", "asserted", "Istanbul",
     "Moscow and Kyiv signed mirror agreements at a ceremony in Istanbul."),
    ("grain-deal", "m17", "dw-0723-c", "DW", "2022-07-23", "2022-07-22", ["RUSGOV"], ["UKRGOV"], "057", "AGREE", "asserted", None,
     "The grain agreement Russia signed with Ukraine on Friday is already in doubt."),
    ("grain-extension", "m18", "reu-1117-a", "Reuters", "2022-11-17", "2022-11-17", ["RUSGOV"], ["UKRGOV"], "057", "AGREE", "asserted", "Istanbul",
     "The grain deal between Russia and Ukraine was extended for 120 days."),
    ("grain-extension", "m19", "afp-1117-b", "AFP", "2022-11-17", "2022-11-17", ["RUSGOV"], ["UKRGOV"], "057", "AGREE", "asserted", None,
     "Russia agreed with Ukraine to prolong the export corridor."),
    # Two strikes on the same day, far apart; and a denial of one.
    ("strike-kharkiv", "m20", "reu-0817-a", "Reuters", "2022-08-17", "2022-08-17", ["RUSMIL"], ["UKRCVL"], "195", "ASSAULT", "asserted", "Kharkiv",
     "Russian missiles hit a dormitory in Kharkiv, killing seven people."),
    ("strike-kharkiv", "m21", "ukr-0817-b", "Ukrinform", "2022-08-17", "2022-08-17", ["RUSMIL"], ["UKRCVL"], "195", "ASSAULT", "asserted", "Kharkiv",
     "A Russian strike destroyed a residential building in Kharkiv."),
    ("strike-kherson", "m22", "reu-0817-a", "Reuters", "2022-08-17", "2022-08-17", ["RUSMIL"], ["UKRCVL"], "195", "ASSAULT", "asserted", "Kherson",
     "Russian shelling also hit houses in Kherson."),
    ("strike-kherson", "m23", "bbc-0818-c", "BBC", "2022-08-18", "2022-08-17", ["RUSMIL"], ["UKRCVL"], "195", "ASSAULT", "asserted", "Kherson",
     "Civilians were wounded when Russian rockets struck Kherson on Wednesday."),
    ("strike-denial", "m24", "tass-0817-d", "TASS", "2022-08-17", "2022-08-17", ["RUSMIL"], ["UKRCVL"], "195", "ASSAULT", "denied", None,
     "The Russian defence ministry denied striking civilian buildings."),
    # Niger coup; ECOWAS sanctions four days later (other parties).
    ("niger-coup", "m25", "reu-0726-a", "Reuters", "2023-07-26", "2023-07-26", ["NERMIL"], ["NERGOV"], "180", "ASSAULT", "asserted", "Niamey",
     "Soldiers detained President Mohamed Bazoum in Niamey."),
    ("niger-coup", "m26", "afp-0727-b", "AFP", "2023-07-27", "2023-07-26", ["NERMIL"], ["NERGOV"], "180", "ASSAULT", "asserted", "Niamey",
     "Mutinous troops seized the president on Wednesday."),
    ("niger-coup", "m27", "bbc-0727-c", "BBC", "2023-07-27", None, ["NERMIL"], ["NERGOV"], "181", "ASSAULT", "asserted", None,
     "Niger's army said it had removed the president."),
    ("ecowas-sanctions", "m28", "reu-0730-a", "Reuters", "2023-07-30", "2023-07-30", ["IGOWAFECW"], ["NERMIL"], "163", "SANCTION", "asserted", None,
     "West African leaders imposed sanctions on Niger's junta."),
    ("ecowas-sanctions", "m29", "afp-0730-b", "AFP", "2023-07-30", "2023-07-30", ["IGOWAFECW"], ["NERMIL"], "172", "SANCTION", "asserted", None,
     "ECOWAS froze the assets of the coup leaders."),
    # Two different battles in Gaza the same day with no resolved place (a known false merge).
    ("gaza-north", "m30", "reu-1009-a", "Reuters", "2023-10-09", "2023-10-09", ["ISRMIL"], ["PSEREB"], "190", "ASSAULT", "asserted", None,
     "Israeli troops fought militants in the north of the strip."),
    ("gaza-south", "m31", "afp-1009-b", "AFP", "2023-10-09", "2023-10-09", ["ISRMIL"], ["PSEREB"], "190", "ASSAULT", "asserted", None,
     "Israeli forces clashed with fighters near the southern border crossing."),
    ("hamas-attack", "m32", "reu-1007-a", "Reuters", "2023-10-07", "2023-10-07", ["PSEREB"], ["ISRCVL"], "180", "ASSAULT", "asserted", "Sderot",
     "Hamas gunmen attacked Israeli towns near Gaza."),
    ("hamas-attack", "m33", "bbc-1007-b", "BBC", "2023-10-07", "2023-10-07", ["PSEREB"], ["ISRCVL"], "183", "ASSAULT", "asserted", "Sderot",
     "Militants killed civilians in Sderot."),
    ("hamas-attack", "m34", "afp-1008-c", "AFP", "2023-10-08", "2023-10-07", ["PSEREB"], ["ISRCVL"], "180", "ASSAULT", "asserted", None,
     "The assault launched by Hamas on Saturday killed hundreds."),
    ("khartoum", "m35", "reu-0415-a", "Reuters", "2023-04-15", "2023-04-15", ["SDNMIL"], ["SDNREB"], "190", "ASSAULT", "asserted", "Khartoum",
     "Sudan's army fought paramilitary forces in Khartoum."),
    ("khartoum", "m36", "afp-0415-b", "AFP", "2023-04-15", "2023-04-15", ["SDNMIL"], ["SDNREB"], "190", "ASSAULT", "asserted", "Omdurman",
     "Heavy fighting between the army and the RSF spread to Omdurman."),
    # US-China talks: headline and body of one article, plus another source with the roles swapped.
    ("us-china", "m37", "reu-0619-a", "Reuters", "2023-06-19", "2023-06-19", ["USAGOV"], ["CHNGOV"], "040", "CONSULT", "asserted", "Beijing",
     "Blinken meets Xi in Beijing."),
    ("us-china", "m38", "reu-0619-a", "Reuters", "2023-06-19", "2023-06-19", ["USAGOV"], ["CHNGOV"], "042", "CONSULT", "asserted", "Beijing",
     "US Secretary of State Antony Blinken met Chinese President Xi Jinping on Monday."),
    ("us-china", "m39", "xin-0619-b", "Xinhua", "2023-06-19", "2023-06-19", ["CHNGOV"], ["USAGOV"], "040", "CONSULT", "asserted", None,
     "Xi Jinping met Antony Blinken at the Great Hall of the People."),
    ("putin-erdogan", "m40", "reu-0805-a", "Reuters", "2022-08-05", "2022-08-05", ["TURGOV"], ["RUSGOV"], "040", "CONSULT", "asserted", "Sochi",
     "Erdogan and Putin met in Sochi for four hours."),
    ("putin-erdogan", "m41", "tass-0805-b", "TASS", "2022-08-05", "2022-08-05", ["RUSGOV"], ["TURGOV"], "040", "CONSULT", "asserted", "Sochi",
     "Putin held talks with Erdogan in Sochi."),
    ("putin-erdogan", "m42", "ds-0806-c", "Daily Sabah", "2022-08-06", "2022-08-05", ["TURGOV"], ["RUSGOV"], "043", "CONSULT", "asserted", None,
     "Erdogan's meeting with Putin on Friday focused on grain and Syria."),
    ("mali-expels", "m43", "reu-0131-a", "Reuters", "2022-01-31", "2022-01-31", ["MLIGOV"], ["FRAGOV"], "174", "COERCE", "asserted", "Bamako",
     "Mali's junta ordered the French ambassador to leave within 72 hours."),
    ("mali-expels", "m44", "afp-0131-b", "AFP", "2022-01-31", "2022-01-31", ["MLIGOV"], ["FRAGOV"], "174", "COERCE", "asserted", "Bamako",
     "Bamako expelled France's ambassador."),
    ("eu-sanctions", "m45", "reu-0223-a", "Reuters", "2022-02-23", "2022-02-23", ["EUR"], ["RUSGOV"], "163", "SANCTION", "asserted", "Brussels",
     "The European Union agreed sanctions on Russian officials."),
    ("eu-sanctions", "m46", "dw-0223-b", "DW", "2022-02-23", "2022-02-23", ["EUR"], ["RUSGOV"], "163", "SANCTION", "asserted", "Brussels",
     "EU ministers sanctioned Russian lawmakers in Brussels."),
    ("us-sanctions", "m47", "reu-0223-a", "Reuters", "2022-02-23", "2022-02-23", ["USAGOV"], ["RUSGOV"], "163", "SANCTION", "asserted", None,
     "Washington imposed sanctions on Russian banks."),
]


def actor(code):
    country = code[:3]
    sector = code[3:] if country not in ("IGO", "EUR") else ""
    return {"code": code, "country": country, "sector": sector, "text": code, "span": [0, 0]}


def record(m):
    cluster, mid, doc, source, published, date, actors, recipients, cameo, plover, modality, place, text = m
    quad, goldstein = QUAD[cameo[:2]]
    location = None
    if place:
        lat, lon, country = PLACES[place]
        location = {"text": place, "name": place, "geonameid": None, "lat": lat, "lon": lon, "country": country}
    return {
        "id": mid, "doc_id": doc, "sentence": 0, "sentence_span": [0, len(text)], "trigger_span": [0, 0],
        "date": date, "date_precision": "day" if date else None,
        "actor": [actor(a) for a in actors], "recipient": [actor(r) for r in recipients],
        "cameo": cameo, "quad_class": quad, "goldstein": goldstein, "event": plover, "mode": None, "context": [],
        "location": location, "modality": modality, "attributed_to": None, "text": text,
        "rule": "fixture", "confidence": 1.0, "trigger": "",
        "published": published, "source": source,
    }


def main():
    out = os.path.join("fixtures", "dedup")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "mentions.jsonl"), "w") as f:
        for m in MENTIONS:
            f.write(json.dumps(record(m), ensure_ascii=False) + "\n")
    clusters = {}
    for m in MENTIONS:
        clusters.setdefault(m[0], []).append(m[1])
    with open(os.path.join(out, "gold_pairs.tsv"), "w") as f:
        f.write("# mention_a\tmention_b\tstory: pairs of mentions that report the same event\n")
        for story, ids in clusters.items():
            for a, b in itertools.combinations(ids, 2):
                f.write(f"{a}\t{b}\t{story}\n")


if __name__ == "__main__":
    main()
