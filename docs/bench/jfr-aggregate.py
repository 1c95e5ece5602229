import sys, re, collections, subprocess
# usage: jfragg.py file.jfr
f = sys.argv[1]
ev = sys.argv[2] if len(sys.argv) > 2 else 'jdk.ExecutionSample'
out = subprocess.run(['jfr','print','--events',ev,'--stack-depth','1024',f],capture_output=True,text=True).stdout
events = out.split(ev + ' {')[1:]
samples = []
for e in events:
    m = re.search(r'startTime = (\S+)', e); t = m.group(1) if m else ''
    th = re.search(r'sampledThread = "([^"]+)"', e); th = th.group(1) if th else '?'
    frames = re.findall(r'^\s+([\w$.<>/]+)\(.*?\)\s+line:', e, re.M)
    samples.append((t, th, frames))
def pool(th):
    m = re.match(r'pool-(\d+)-thread', th); return int(m.group(1)) if m else None
pools = sorted({pool(th) for _,th,_ in samples if pool(th) is not None})
print('pools', pools, 'samples', len(samples))
def report(name, ss, n=25):
    print('\n=== %s: %d samples' % (name, len(ss)))
    top = collections.Counter(fr[0] for _,_,fr in ss if fr)
    print('-- top frames (leaf)')
    for k,v in top.most_common(n): print('%5d %5.1f%% %s' % (v, 100*v/len(ss), k))
    own = collections.Counter()
    first = collections.Counter()
    for _,_,fr in ss:
        seen=set()
        for x in fr:
            if x.startswith('com.salescadence.') and x not in seen:
                seen.add(x); own[x]+=1
        p=[x for x in fr if x.startswith('com.salescadence.')]
        first[p[0] if p else '(no product frame)']+=1
    print('-- product frames, inclusive (share of samples with the frame on the stack)')
    for k,v in own.most_common(n): print('%5d %5.1f%% %s' % (v, 100*v/len(ss), k))
    print('-- innermost product frame per sample')
    for k,v in first.most_common(n): print('%5d %5.1f%% %s' % (v, 100*v/len(ss), k))
    # DB share
    db = sum(1 for _,_,fr in ss if any(x.startswith('org.h2.') or x.startswith('org.postgresql.') for x in fr))
    print('-- samples inside the JDBC driver / H2: %d (%.1f%%)' % (db, 100*db/max(1,len(ss))))
# fan-out: first pool = bare, second pool = product (runJobs creates one pool each)
names = ['fan-out bare', 'fan-out product'] if len(pools) == 2 else ['fan-out bare', 'fan-out bare with 2 timers', 'fan-out product']
for name, p in zip(names, pools):
    report('%s (pool-%d)' % (name, p), [s for s in samples if pool(s[1]) == p])
start = min((s[0] for s in samples if s[1]=='main' and any('completeAs' in x for x in s[2])), default=None)
main = [s for s in samples if s[1]=='main' and start and s[0] >= start]
if main:
    mark = min((s[0] for s in main if any('CommitDelegates' in x or 'WeeklyCommitService' in x for x in s[2])), default=None)
    if mark:
        report('submissions bare (main, before %s)' % mark, [s for s in main if s[0] < mark])
        report('submissions product (main, from %s)' % mark, [s for s in main if s[0] >= mark])
