#!/usr/bin/env python3
"""A synthetic registry file for bench/registry/import: ROWS rows of CSV (UTF-8, header first) on stdout.

  people.py ROWS VILLAGES_FILE [SEED [FIRST_PERSON]]

Each row is a person in a village of the seed (VILLAGES_FILE: one 12-digit code a line) with a valid
resident ID number (the village's county, a birth date from 1940, a sequence, the ISO 7064 MOD 11-2
check character), a Chinese name and one enrolment. Every third person lives in a household of the
feed with the two people before them (householdId, same village); one row in fifty names the person
of the row before again, in a second programme (one member, two enrolments).
"""
import random
import sys
from datetime import date, timedelta

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
SURNAMES = "马王李张杨海丁田刘陈赵周吴徐孙朱"
GIVEN = "建国华明丽娜芳军伟秀英兰花平强磊洋勇艳杰娟涛超"
PROGRAMMES = [("MINIMUM_LIVING", 78000), ("EXTREME_POVERTY", 110000), ("ORPHAN_ALLOWANCE", 145000), ("DISABILITY_SUBSIDY", 9000)]
EPOCH = date(1940, 1, 1)


def id_number(county, slot):
    first = county + (EPOCH + timedelta(days=slot // 1000)).strftime("%Y%m%d") + "%03d" % (slot % 1000)
    return first + "10X98765432"[sum(int(c) * w for c, w in zip(first, WEIGHTS)) % 11]


def main():
    rows, villages_file = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 13)
    villages = [line.strip() for line in open(villages_file) if line.strip()]
    out = sys.stdout
    out.write("name,idNumber,villageCode,programme,monthlyAmount,startsOn,status,reason,householdId\n")
    person, previous = int(sys.argv[4]) if len(sys.argv) > 4 else 0, None
    buffer = []
    for row in range(1, rows + 1):
        if previous is not None and row % 50 == 0:
            name, number, village, household, programme = previous
            programme = PROGRAMMES[(PROGRAMMES.index(programme) + 1) % len(PROGRAMMES)]
        else:
            person += 1
            household_no = (person - 1) // 3
            village = villages[(household_no * 7919) % len(villages)]
            # The sequence part keeps ID numbers unique across the whole file: a person is a slot of their county.
            number = id_number(village[:6], person * 7 % 30_000_000)
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
            household = "HH-%d" % household_no
            programme = PROGRAMMES[person % 3 if person % 11 else 3]
        code, base = programme
        fen = base + (person % 20) * 500
        buffer.append("%s,%s,%s,%s,%d.%02d,2025-01-01,ACTIVE,,%s\n" % (name, number, village, code, fen // 100, fen % 100, household))
        previous = (name, number, village, household, programme)
        if len(buffer) >= 10_000:
            out.write("".join(buffer))
            buffer.clear()
    out.write("".join(buffer))


if __name__ == "__main__":
    main()
