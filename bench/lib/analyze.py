#!/usr/bin/env python3
"""Reads the per-request files of AidlineSimulation ("sent_us,answered_us,status,report_id").

  analyze.py closed FILE OK SKIP_S          throughput of OK answers after SKIP_S s: "rate=N"
  analyze.py steps FILE OK PROFILE SETTLE_S  one line per step (stderr) and "peak=N saturated=N top_sustained=0|1":
      a step is sustained when every request it offered came back, >= 99 % of them OK, the OK
      answers kept pace (>= 95 % of the offered rate) and the step's p99 stayed under 1 s; peak is
      the accepted rate of the best sustained step, saturated the best accepted rate of any step;
      a "from-to:seconds" entry of the profile is a lead-in ramp and not counted.
  analyze.py latency FILE OK SKIP_S         "rate=N p50_ms=N p99_ms=N ok=N other=N"
  analyze.py notify FILE PUSHES             push arrival minus the 201 per report: "notify_p99_ms=N ..."
  analyze.py surge FILE OK SHED PEAK         a run offered beyond the peak: "surge_accepted_rps=N surge_accepted_of_peak=R
      surge_shed_share=R surge_other=N surge_p99_ms=N surge_shed_p99_ms=N" (accepted = OK answers per second over the
      run; shed = SHED answers, e.g. 503, as a share of all; p99 of each kind's latency)
  analyze.py outage FILE OK SKIP_S DOWN_US BACK_US USED_US   a run during which Redis was killed at DOWN_US and
      started again at BACK_US (epoch µs; USED_US when the service used it again, or NA): "redis_normal_p50_ms=N
      redis_down_p50_ms=N redis_down_p50_ratio=R redis_down_p99_ms=N redis_back_p50_ms=N redis_down_other=N
      redis_used_again_ms=N" (OK answers by when they were sent: before, while down, after; other = not OK while down)
  analyze.py stages BEFORE AFTER            where report -> push spends its time, from the service's own histograms
      (two /actuator/prometheus scrapes around the latency run): the bucket holding p50 and p99 of the event lag
      (filed -> task opening) and of the notification wait (filed -> provider took the push)
"""
import re
import sys


def rows(path):
    result = []
    for line in open(path):
        parts = line.rstrip("\n").split(",")
        if len(parts) == 4:
            result.append((int(parts[0]), int(parts[1]), int(parts[2]), parts[3]))
    return result


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def closed(path, ok, skip):
    data = rows(path)
    start = min(r[0] for r in data) + skip * 1e6
    done = [r[1] for r in data if r[2] == ok and r[1] >= start]
    span = (max(done) - start) / 1e6 if done else 0
    print(f"rate={len(done) / span if span > 0 else 0:.0f}")


def steps(path, ok, profile, settle):
    data = rows(path)
    t0 = min(r[0] for r in data)
    at, peak, saturated = t0, 0.0, 0.0
    for step in profile.split(","):
        if "-" in step.split(":")[0]:  # a lead-in ramp: not a step
            at += int(step.split(":")[1]) * 1e6
            continue
        rate, seconds = float(step.split(":")[0]), int(step.split(":")[1])
        begin, end = at + settle * 1e6, at + seconds * 1e6
        at += seconds * 1e6
        span = (end - begin) / 1e6
        sent = [r for r in data if begin <= r[0] < end]
        good = [r for r in sent if r[2] == ok]
        accepted = sum(1 for r in data if r[2] == ok and begin <= r[1] < end) / span
        p99 = percentile([(r[1] - r[0]) / 1000 for r in sent], 99)
        sustained = (len(sent) >= 0.97 * rate * span and len(good) >= 0.99 * len(sent)
                     and accepted >= 0.95 * rate and p99 <= 1000)
        saturated = max(saturated, accepted)
        if sustained:
            peak = max(peak, min(accepted, rate))
        print(f"  step {rate:7.0f}/s offered: {accepted:7.0f}/s accepted, {len(good)}/{len(sent)} ok, "
              f"p99 {p99:8.1f} ms {'sustained' if sustained else 'NOT sustained'}", file=sys.stderr)
    print(f"peak={peak:.0f} saturated={saturated:.0f} top_sustained={1 if sustained else 0}")


def latency(path, ok, skip):
    data = rows(path)
    start = min(r[0] for r in data) + skip * 1e6
    window = [r for r in data if r[0] >= start]
    good = [r for r in window if r[2] == ok]
    times = [(r[1] - r[0]) / 1000 for r in good]
    span = (max(r[1] for r in good) - start) / 1e6 if good else 0
    print(f"rate={len(good) / span if span > 0 else 0:.0f} p50_ms={percentile(times, 50):.1f} "
          f"p99_ms={percentile(times, 99):.1f} ok={len(good)} other={len(window) - len(good)}")


def notify(path, pushes):
    answered = {r[3]: r[1] for r in rows(path) if r[2] == 201 and r[3]}
    delays = []
    for line in open(pushes):
        parts = line.rstrip("\n").split(",")
        if len(parts) >= 2 and parts[1] in answered:
            delays.append((int(parts[0]) - answered.pop(parts[1])) / 1000)
    if not delays:
        print(f"notify_p99_ms=NA pushed=0 reports={len(answered)}")
        return
    print(f"notify_p99_ms={percentile(delays, 99):.0f} notify_p50_ms={percentile(delays, 50):.0f} "
          f"pushed={len(delays)} not_pushed={len(answered)}")


def surge(path, ok, shed, peak):
    data = rows(path)
    if not data:
        print("surge_accepted_rps=NA")
        return
    start = min(r[0] for r in data)
    end = max(r[1] for r in data)
    span = (end - start) / 1e6
    good = [(r[1] - r[0]) / 1000 for r in data if r[2] == ok]
    refused = [(r[1] - r[0]) / 1000 for r in data if r[2] == shed]
    other = len(data) - len(good) - len(refused)
    rate = len(good) / span if span > 0 else 0
    print(f"surge_accepted_rps={rate:.0f} surge_accepted_of_peak={rate / peak if peak else 0:.2f} "
          f"surge_shed_share={len(refused) / len(data):.2f} surge_other={other} "
          f"surge_p99_ms={percentile(good, 99):.0f} surge_shed_p99_ms={percentile(refused, 99):.0f}")


def outage(path, ok, skip, down, back, used):
    data = rows(path)
    start = min(r[0] for r in data) + skip * 1e6
    def times(begin, end):
        return [(r[1] - r[0]) / 1000 for r in data if begin <= r[0] < end and r[2] == ok]
    normal, during, after = times(start, down), times(down, back), times(back, float("inf"))
    other = sum(1 for r in data if down <= r[0] < back and r[2] != ok)
    p50 = percentile(normal, 50)
    used_again = f"{(int(used) - back) / 1000:.0f}" if used != "NA" else "NA"
    print(f"redis_normal_p50_ms={p50:.1f} redis_down_p50_ms={percentile(during, 50):.1f} "
          f"redis_down_p50_ratio={percentile(during, 50) / p50 if p50 else float('nan'):.2f} "
          f"redis_down_p99_ms={percentile(during, 99):.0f} redis_back_p50_ms={percentile(after, 50):.1f} "
          f"redis_down_other={other} redis_used_again_ms={used_again}")


STAGES = {
    "opened": 'aidline_events_lag_seconds_bucket{subscriber="notification.task-opening",le="',
    "pushed": 'aidline_notification_wait_seconds_bucket{outcome="sent",le="',
}


def buckets(path, prefix):
    counts = {}
    for line in open(path):
        if line.startswith(prefix.split("{")[0] + "{"):
            labels = dict(re.findall(r'(\w+)="([^"]*)"', line.split("}")[0]))
            wanted = dict(re.findall(r'(\w+)="([^"]*)"', prefix))
            if all(labels.get(k) == v for k, v in wanted.items() if k != "le"):
                counts[float(labels["le"])] = float(line.rsplit(" ", 1)[1])
    return counts


def stages(before, after):
    out = []
    for name, prefix in STAGES.items():
        b, a = buckets(before, prefix), buckets(after, prefix)
        diff = sorted((le, a[le] - b.get(le, 0)) for le in a)
        total = diff[-1][1] if diff else 0
        if total <= 0:
            out.append(f"{name}=NA")
            continue

        def bound(p):
            for le, count in diff:
                if count >= p * total:
                    return "inf" if le == float("inf") else f"{le * 1000:.0f}"
            return "inf"
        out.append(f"{name}_p50_le_ms={bound(0.5)} {name}_p99_le_ms={bound(0.99)} {name}_n={total:.0f}")
    print(" ".join(out))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "closed":
        closed(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
    elif command == "steps":
        steps(sys.argv[2], int(sys.argv[3]), sys.argv[4], float(sys.argv[5]))
    elif command == "latency":
        latency(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
    elif command == "notify":
        notify(sys.argv[2], sys.argv[3])
    elif command == "surge":
        surge(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
    elif command == "stages":
        stages(sys.argv[2], sys.argv[3])
    elif command == "outage":
        outage(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7])
    else:
        sys.exit(__doc__)
