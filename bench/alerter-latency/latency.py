#!/usr/bin/python3
"""Alert latency: HAProxy emits a state-change log line -> the SMTP server accepts the alert email.

Real pieces only: Debian's haproxy 2.6 (a backend with two servers, health checks every 500 ms, fall 1 rise 1),
a unix-datagram syslog receiver that appends each line to a log file and stamps its arrival, `alerter run` with the
default schedules and policy except flap detection, which is off (FlapChanges 1000: toggling one server 50 times is
flapping by design, and would leave one "flapping" email instead of 50 to time) (scan every 5 s, dispatch and
delivery every 1 s, grouping settle 1 s), and aiosmtpd with STARTTLS + AUTH that stamps each accepted message.
srv1's backend process is stopped and started again (3-5 s apart) to make real DOWN/UP transitions.

--source file: HAProxy logs only to the syslog receiver; the Alerter scans the file (every 5 s, the default).
--source ring: HAProxy also logs notice and worse to `ring events` (format rfc5424), and the Alerter follows it with
  `show events events -w` on the stats socket (Alerter:Ring:SocketPath) while still scanning the file on its default
  schedule, as an operator would run it: both sources store the same events under the same keys, so each transition
  must be alerted once, by whichever source saw it first.

Start of the measurement: the syslog receiver's arrival stamp of the transition's datagram. HAProxy writes one log
message to all its loggers in the same call (the datagram to the receiver, then the ring), so the arrival is within
a millisecond or so of the ring write; the ring line's own RFC 5424 timestamp (HAProxy's clock, microseconds) is
reported against the arrival stamp as a check. Each email's body carries the log line of its event (the file's
RFC 3164 line or the ring's RFC 5424 line), which is matched to the transition by its message text and its second.
After the run the Alerter's database gives the stages of each alert: observed_unix_ms of the event (read from the
ring or the file), created_unix_ms of the outbox row (the dispatch job's run) and the SMTP acceptance stamp.

--set Section:Key=value passes a non-default Alerter setting (e.g. Alerter:Policy:GroupSettle=00:00:00.2) for a
  what-if run; the settings used are printed with the results. Without it every schedule is the Alerter's default.

usage: latency.py [--source file|ring] [--transitions 50] [--alerter path/to/alerter.dll] [--set K=V ...] [--keep]
"""
import argparse, datetime, email, email.policy, os, random, re, shutil, signal, socket, sqlite3, subprocess, sys, tempfile, \
    threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SMTP_SCRIPT = os.path.join(ROOT, "tests", "Alerter.Tests", "Integration", "Sending", "smtp_server.py")

RFC3164 = re.compile(r"^<\d+>(\w{3} [ \d]\d \d\d:\d\d:\d\d) [^:]*?: (.*)$")
RFC5424 = re.compile(r"^<\d+>1 (\S+) \S+ \S+ \S+ \S+ (?:-|\[.*?\]) (.*)$")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Syslog(threading.Thread):
    """Receives HAProxy's datagrams, appends them to the log file, stamps arrival (ns) per line."""

    def __init__(self, sock_path, log_path):
        super().__init__(daemon=True)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(sock_path)
        self.log = open(log_path, "ab", buffering=0)
        self.arrivals = {}

    def run(self):
        while True:
            data = self.sock.recv(65536)
            now = time.time_ns()
            line = data.rstrip(b"\n")
            self.log.write(line + b"\n")
            self.arrivals.setdefault(line.decode("utf-8", "replace"), now)


def backend(port):
    return subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_listening(port, deadline_s=10):
    end = time.time() + deadline_s
    while time.time() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"backend on port {port} did not start")


def percentile(values, p):
    ordered = sorted(values)
    rank = max(1, int(-(-p * len(ordered) // 100)))  # nearest rank
    return ordered[rank - 1]


def summary(values):
    return (f"p50 {percentile(values, 50):.2f}  p99 {percentile(values, 99):.2f}  min {min(values):.2f}  "
            f"mean {sum(values) / len(values):.2f}  max {max(values):.2f}")


def identity(line):
    """(message text, unix second, HAProxy's own stamp in ns or None) of a file (RFC 3164) or ring (RFC 5424) line."""
    m = RFC5424.match(line)
    if m:
        at = datetime.datetime.fromisoformat(m.group(1))
        return m.group(2).strip(), int(at.timestamp()), int(at.timestamp() * 1e6) * 1000
    m = RFC3164.match(line)
    if m:
        year = time.localtime().tm_year
        at = time.mktime(time.strptime(f"{year} {m.group(1)}", "%Y %b %d %H:%M:%S"))
        return m.group(2).strip(), int(at), None
    return None


def haproxy_config(tmp, fe, p1, p2, ring):
    ring_log = "    log ring@events local0 notice\n" if ring else ""
    ring_section = """ring events
    format rfc5424
    maxlen 1200
    size 65536
""" if ring else ""
    return f"""global
    log {tmp}/log.sock local0
{ring_log}    stats socket {tmp}/stats.sock mode 600 level admin
{ring_section}defaults
    mode http
    log global
    timeout connect 1s
    timeout client 5s
    timeout server 5s
frontend fe
    bind 127.0.0.1:{fe}
    default_backend app
backend app
    option httpchk GET /
    server srv1 127.0.0.1:{p1} check inter 500 fall 1 rise 1
    server srv2 127.0.0.1:{p2} check inter 500 fall 1 rise 1
"""


def alerter_config(tmp, smtp_port, ring):
    ring_section = f"""
    "Ring": {{ "SocketPath": "{tmp}/stats.sock" }},""" if ring else ""
    return f"""{{
  "Store": {{ "DataDirectory": "{tmp}/data" }},
  "Alerter": {{
    "Logs": {{ "Sources": [ {{ "Path": "{tmp}/haproxy.log", "Host": "bench" }} ] }},{ring_section}
    "Smtp": {{ "Host": "127.0.0.1", "Port": {smtp_port}, "Security": "StartTls", "UserName": "alerter", "From": "alerter@example.net" }},
    "Policy": {{ "FlapChanges": 1000, "Routes": [ {{ "Email": [ "noc@example.net" ] }} ] }}
  }}
}}"""


def analyse(tmp, arrivals, since_ns):
    """Pairs each accepted email with its transition's arrival stamp and the Alerter's stage stamps; prints the numbers."""
    transitions = {}  # (message, second) -> arrival ns
    for line, t in arrivals.items():
        if (" is DOWN" in line or " is UP" in line) and t >= since_ns:
            ident = identity(line)
            if ident:
                transitions[(ident[0], ident[1])] = t
    db = sqlite3.connect(f"file:{tmp}/data/alerter.db?mode=ro", uri=True)
    events = {row[0]: row[1:] for row in db.execute("SELECT line, observed_unix_ms, source FROM haproxy_event")}
    outbox = {row[0]: row[1:] for row in db.execute("SELECT message_id, created_unix_ms, sent_unix_ms FROM alert_outbox")}
    sources = dict(db.execute("SELECT CASE WHEN source LIKE 'ring@%' THEN 'ring' ELSE 'file' END, COUNT(*) FROM haproxy_event "
                              "WHERE kind IN ('ServerDown', 'ServerUp') GROUP BY 1").fetchall())
    kinds = db.execute("SELECT kind, COUNT(*) FROM haproxy_event GROUP BY kind").fetchall()
    total, stamp, skew, ingest, dispatch, deliver = [], [], [], [], [], []
    seen, emails, unmatched = {}, 0, 0
    for name in sorted(os.listdir(f"{tmp}/mail")):
        if not name.endswith(".eml"):
            continue
        emails += 1
        accepted = int(name.split("-")[1].split(".")[0])
        with open(f"{tmp}/mail/{name}", "rb") as f:
            message = email.message_from_binary_file(f, policy=email.policy.default)
        body = message.get_body(("plain",)).get_content()
        logged = next((l.strip()[4:].strip() for l in body.splitlines() if l.strip().startswith("Log:")), None)
        ident = identity(logged) if logged else None
        key = (ident[0], ident[1]) if ident else None
        if key not in transitions:
            unmatched += 1
            continue
        seen[key] = seen.get(key, 0) + 1
        arrival = transitions[key]
        total.append((accepted - arrival) / 1e9)
        if ident[2] is not None:
            stamp.append((accepted - ident[2]) / 1e9)
            skew.append((arrival - ident[2]) / 1e6)
        event = events.get(logged)
        row = next((v for k, v in outbox.items() if k in str(message["Message-ID"])), None)
        if event and row:
            ingest.append((event[0] * 1e6 - arrival) / 1e9)
            dispatch.append((row[0] - event[0]) / 1e3)
            deliver.append((accepted - row[0] * 1e6) / 1e9)
    print(f"transitions logged while toggling: {len(transitions)}, emails: {emails}, matched: {len(total)}, unmatched: {unmatched}, "
          f"transitions alerted twice or more: {sum(1 for c in seen.values() if c > 1)}, not alerted: {len(transitions) - len(seen)}")
    print(f"UP/DOWN events stored by source: {sources}; all events by kind: {kinds}")
    if total:
        print(f"latency s (syslog arrival -> SMTP accepted):          {summary(total)}")
    if stamp:
        print(f"latency s (ring line's RFC 5424 stamp -> SMTP accepted): {summary(stamp)}")
        print(f"syslog arrival - ring stamp, ms: min {min(skew):.2f}  median {percentile(skew, 50):.2f}  max {max(skew):.2f}")
    if ingest:
        print(f"stages s, {len(ingest)} alerts:")
        print(f"  arrival -> event stored (ring read / file scan):    {summary(ingest)}")
        print(f"  event stored -> outbox row (grouping + dispatch):   {summary(dispatch)}")
        print(f"  outbox row -> SMTP accepted (delivery job + SMTP): {summary(deliver)}")


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--source", choices=["file", "ring"], default="file")
    a.add_argument("--transitions", type=int, default=50)
    a.add_argument("--alerter", default=os.path.join(ROOT, "Alerter", "bin", "Release", "net10.0", "alerter.dll"))
    a.add_argument("--keep", action="store_true", help="keep the temp directory")
    a.add_argument("--context", action="store_true",
                   help="also run the Collector (1 s interval) into a store the Alerter reads each email's traffic context from")
    a.add_argument("--collector", default=os.path.join(ROOT, "Collector", "bin", "Release", "net10.0", "collector.dll"))
    a.add_argument("--set", action="append", default=[], metavar="Section:Key=value",
                   help="a NON-default Alerter setting, passed as --Section:Key=value (what-if runs only; printed)")
    args = a.parse_args()
    ring = args.source == "ring"
    tmp = tempfile.mkdtemp(prefix="alat-", dir="/tmp")
    procs = []
    srv1 = None
    syslog = None
    try:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{tmp}/key.pem", "-out", f"{tmp}/cert.pem",
                        "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                       check=True, capture_output=True)
        syslog = Syslog(f"{tmp}/log.sock", f"{tmp}/haproxy.log")
        syslog.start()
        p1, p2, fe, smtp_port = free_port(), free_port(), free_port(), free_port()
        srv1 = backend(p1)
        procs.append(backend(p2))
        wait_listening(p1)  # else haproxy's first check fails: a DOWN/UP pair before the Alerter starts
        wait_listening(p2)
        with open(f"{tmp}/haproxy.cfg", "w") as f:
            f.write(haproxy_config(tmp, fe, p1, p2, ring))
        procs.append(subprocess.Popen(["/usr/sbin/haproxy", "-f", f"{tmp}/haproxy.cfg"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        smtp = subprocess.Popen(["/usr/bin/python3", SMTP_SCRIPT, "--port", str(smtp_port), "--dir", f"{tmp}/mail",
                                 "--cert", f"{tmp}/cert.pem", "--key", f"{tmp}/key.pem", "--user", "alerter", "--password", "bench"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        procs.append(smtp)
        assert smtp.stdout.readline().startswith("READY")
        with open(f"{tmp}/alerter.json", "w") as f:
            f.write(alerter_config(tmp, smtp_port, ring))
        env = dict(os.environ, SSL_CERT_FILE=f"{tmp}/cert.pem", MONITORING__Alerter__Smtp__Password="bench")
        alerter_log = open(f"{tmp}/alerter.out", "w")
        overrides = [f"--{setting}" for setting in args.set]
        if args.context:
            collector_log = open(f"{tmp}/collector.out", "w")
            procs.append(subprocess.Popen(["dotnet", args.collector, f"--Collector:Endpoints:0:Address={tmp}/stats.sock",
                                           "--Collector:Endpoints:0:Host=bench", "--Collector:Interval=00:00:01",
                                           f"--Collector:Sqlite:DataDirectory={tmp}/collector", f"--Collector:Health:Port={free_port()}"],
                                          cwd=tmp, stdout=collector_log, stderr=subprocess.STDOUT))
            overrides.append(f"--Alerter:CollectorDatabase={tmp}/collector/collector.db")
        alerter = subprocess.Popen(["dotnet", args.alerter, "run", "--config", f"{tmp}/alerter.json", *overrides], cwd=tmp, env=env,
                                   stdout=alerter_log, stderr=subprocess.STDOUT)
        procs.append(alerter)
        time.sleep(12)  # start-up and the first scan (which starts at the end of the file); the ring connects at start
        started = time.time_ns()
        made = 0
        up = True
        while made < args.transitions:
            if up:
                srv1.send_signal(signal.SIGTERM)
                srv1.wait()
            else:
                srv1 = backend(p1)
            up = not up
            made += 1
            time.sleep(3 + random.random() * 2)
        time.sleep(15)
        print(f"source: {args.source}, transitions made: {made}, non-default settings: {' '.join(overrides) or 'none'}")
        for p in reversed(procs):  # the Alerter first: its database is read below
            stop(p)
        analyse(tmp, dict(syslog.arrivals), started)
        if args.context:
            mails = [open(os.path.join(tmp, "mail", n), errors="replace").read() for n in os.listdir(f"{tmp}/mail")]
            charted = sum("Content-Type: image/png" in m for m in mails)
            print(f"  emails with the traffic chart: {charted} of {len(mails)} (the rest say why the context was unavailable)")
    finally:
        for p in reversed(procs):
            stop(p)
        if srv1 is not None:
            stop(srv1)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print("kept", tmp)


def stop(p):
    if p.poll() is None:
        p.terminate()
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


if __name__ == "__main__":
    main()
