import sys, re, collections, subprocess
# usage: python3 jfr-storm.py file.jfr  -- DeadlineStormBench's phases: each BenchEngine.runJobs uses its own job-thread
# pool; the last four pools are the bare deadline, the product's deadline, the bare 09:00 opening and the product's.
f = sys.argv[1]
out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '1024', f], capture_output=True, text=True).stdout
def seconds(e):
    h, m, s = re.search(r'startTime = (\d+):(\d+):([\d.]+)', e).groups()
    return int(h) * 3600 + int(m) * 60 + float(s)
samples, times = [], []
for e in out.split('jdk.ExecutionSample {')[1:]:
    th = re.search(r'sampledThread = "([^"]+)"', e)
    samples.append((th.group(1) if th else '?', re.findall(r'^\s+([\w$.<>/]+)\(.*?\)\s+line:', e, re.M)))
    times.append(seconds(e))
# the JVM's CPU (jdk.CPULoad, once a second: jvmUser + jvmSystem, a share of all cores) over a phase's first to last sample
load = []
for e in subprocess.run(['jfr', 'print', '--events', 'jdk.CPULoad', f], capture_output=True, text=True).stdout.split('jdk.CPULoad {')[1:]:
    u, s_ = (float(re.search(k + r' = ([\d.]+)%', e).group(1)) for k in ('jvmUser', 'jvmSystem'))
    load.append((seconds(e), (u + s_) / 100))
CORES = 2
def cpu_seconds(t0, t1):
    inside = [(t, l) for t, l in load if t0 <= t <= t1 + 1]
    return sum(l for _, l in inside) * CORES * (t1 - t0) / max(1, len(inside)), t1 - t0
def pool(th):
    m = re.match(r'pool-(\d+)-thread', th)
    return int(m.group(1)) if m else None
pools = sorted({pool(th) for th, _ in samples if pool(th) is not None})
WATCH = ['org.h2.command.Parser.prepareCommand', 'org.camunda.bpm.engine.impl.db.sql.DbSqlSession.flushBatchOperations',
         'com.salescadence.cadence.process.MissingReport.lambda$recordFor', 'com.salescadence.cadence.ComplianceService.recordMissed',
         'com.salescadence.cadence.process.MissingReport.lambda$chaseBrief', 'com.salescadence.workflow.TeamTaskVisibility.grantManagersRead',
         'com.salescadence.workflow.TaskNaming.name', 'com.salescadence.organization.OrganizationService.managersAbove',
         'com.salescadence.organization.PersonRepository.findChainUp', 'org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager.findAuthorization',
         'com.salescadence.calendar.CalendarInvites.send', 'com.salescadence.calendar.IcsInvite.build', 'com.salescadence.calendar.IcsInvite.fold',
         'net.fortuna.ical4j.data.CalendarOutputter.output', 'com.salescadence.organization.OrganizationService.languageOf',
         'com.salescadence.organization.OrganizationService.findPerson', 'com.salescadence.notification.NotificationService.mail',
         'com.salescadence.cadence.process.CommitCallInvite.publish']
def report(name, ss, n=20):
    total = max(1, len(ss))
    print('\n=== %s: %d samples' % (name, len(ss)))
    print('-- watched frames, inclusive')
    for w in WATCH:
        c = sum(1 for _, fr in ss if any(x.startswith(w) for x in fr))
        if c:
            print('%5d %5.1f%% %s' % (c, 100 * c / total, w))
    own, first = collections.Counter(), collections.Counter()
    for _, fr in ss:
        seen = set()
        for x in fr:
            if x.startswith('com.salescadence.') and x not in seen:
                seen.add(x); own[x] += 1
        p = [x for x in fr if x.startswith('com.salescadence.')]
        first[p[0] if p else '(no product frame)'] += 1
    print('-- product frames, inclusive')
    for k, v in own.most_common(n): print('%5d %5.1f%% %s' % (v, 100 * v / total, k))
    print('-- innermost product frame')
    for k, v in first.most_common(n // 2): print('%5d %5.1f%% %s' % (v, 100 * v / total, k))
    print('-- leaf frames')
    for k, v in collections.Counter(fr[0] for _, fr in ss if fr).most_common(n // 2): print('%5d %5.1f%% %s' % (v, 100 * v / total, k))
    db = sum(1 for _, fr in ss if any(x.startswith('org.h2.') or x.startswith('org.postgresql.') for x in fr))
    print('-- samples inside H2 / the JDBC driver: %d (%.1f%%)' % (db, 100 * db / total))
print('pools', pools, 'samples', len(samples))
for name, p in zip(['deadline bare', 'deadline product', '09:00 bare', '09:00 product'], pools[-4:]):
    report('%s (pool-%d)' % (name, p), [s for s in samples if pool(s[0]) == p])
    span = [t for t, s in zip(times, samples) if pool(s[0]) == p]
    cpu, wall = cpu_seconds(min(span), max(span))
    print('-- the JVM\'s CPU from the first to the last sample: %.1f s of CPU in %.1f s (jdk.CPULoad x %d cores)' % (cpu, wall, CORES))
