#!/usr/bin/python3
"""Alert latency: HAProxy writes a state-change log line -> the SMTP server accepts the alert email.

Real pieces only: Debian's haproxy 2.6 (a backend with two servers, health checks every 500 ms, fall 1 rise 1),
a unix-datagram syslog receiver that appends each line to a log file and stamps its arrival, `alerter run` with the
default schedules and policy except flap detection, which is off (FlapChanges 1000: toggling one server 50 times is
flapping by design, and would leave one "flapping" email instead of 50 to time) (scan every 5 s, dispatch and delivery every 1 s, grouping settle 1 s), and aiosmtpd with
STARTTLS + AUTH that stamps each accepted message. srv1's backend process is stopped and started again (3-5 s
apart) to make real DOWN/UP transitions. Each email's body carries the log line, which matches it to its arrival.

usage: latency.py [--transitions 50] [--alerter path/to/alerter.dll]
"""
import argparse, email, email.policy, os, random, shutil, signal, socket, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SMTP_SCRIPT = os.path.join(ROOT, "tests", "Alerter.Tests", "Integration", "Delivery", "smtp_server.py")


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


def percentile(values, p):
    ordered = sorted(values)
    rank = max(1, int(-(-p * len(ordered) // 100)))  # nearest rank
    return ordered[rank - 1]


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--transitions", type=int, default=50)
    a.add_argument("--alerter", default=os.path.join(ROOT, "Alerter", "bin", "Release", "net10.0", "alerter.dll"))
    a.add_argument("--keep", action="store_true", help="keep the temp directory")
    args = a.parse_args()
    tmp = tempfile.mkdtemp(prefix="alat-", dir="/tmp")
    procs = []
    try:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{tmp}/key.pem", "-out", f"{tmp}/cert.pem",
                        "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                       check=True, capture_output=True)
        syslog = Syslog(f"{tmp}/log.sock", f"{tmp}/haproxy.log")
        syslog.start()
        p1, p2, fe, smtp_port = free_port(), free_port(), free_port(), free_port()
        srv1 = backend(p1)
        procs.append(backend(p2))
        with open(f"{tmp}/haproxy.cfg", "w") as f:
            f.write(f"""global
    log {tmp}/log.sock local0
    stats socket {tmp}/stats.sock mode 600 level admin
defaults
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
""")
        procs.append(subprocess.Popen(["/usr/sbin/haproxy", "-f", f"{tmp}/haproxy.cfg"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        smtp = subprocess.Popen(["/usr/bin/python3", SMTP_SCRIPT, "--port", str(smtp_port), "--dir", f"{tmp}/mail",
                                 "--cert", f"{tmp}/cert.pem", "--key", f"{tmp}/key.pem", "--user", "alerter", "--password", "bench"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        procs.append(smtp)
        assert smtp.stdout.readline().startswith("READY")
        config = f"""{{
  "Store": {{ "DataDirectory": "{tmp}/data" }},
  "Alerter": {{
    "Logs": {{ "Sources": [ {{ "Path": "{tmp}/haproxy.log", "Host": "bench" }} ] }},
    "Smtp": {{ "Host": "127.0.0.1", "Port": {smtp_port}, "EnableSsl": true, "UserName": "alerter", "From": "alerter@example.net" }},
    "Policy": {{ "FlapChanges": 1000, "Routes": [ {{ "Email": [ "noc@example.net" ] }} ] }}
  }}
}}"""
        with open(f"{tmp}/alerter.json", "w") as f:
            f.write(config)
        env = dict(os.environ, SSL_CERT_FILE=f"{tmp}/cert.pem", MONITORING__Alerter__Smtp__Password="bench")
        alerter_log = open(f"{tmp}/alerter.out", "w")
        alerter = subprocess.Popen(["dotnet", args.alerter, "run", "--config", f"{tmp}/alerter.json"], cwd=tmp, env=env,
                                   stdout=alerter_log, stderr=subprocess.STDOUT)
        procs.append(alerter)
        time.sleep(12)  # start-up and the first scan (which starts at the end of the file)
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
        transitions = {line: t for line, t in syslog.arrivals.items() if " is DOWN" in line or " is UP" in line}
        latencies = []
        for name in sorted(os.listdir(f"{tmp}/mail")):
            if not name.endswith(".eml"):
                continue
            accepted = int(name.split("-")[1].split(".")[0])
            with open(f"{tmp}/mail/{name}", "rb") as f:
                message = email.message_from_binary_file(f, policy=email.policy.default)
            body = message.get_body(("plain",)).get_content()
            for line in body.splitlines():
                line = line.strip()
                if line.startswith("Log:"):
                    logged = line[4:].strip()
                    if logged in transitions:
                        latencies.append((accepted - transitions[logged]) / 1e9)
        print(f"transitions logged: {len(transitions)}, alert emails matched: {len(latencies)}")
        if latencies:
            print(f"latency s: p50 {percentile(latencies, 50):.2f}  p99 {percentile(latencies, 99):.2f}  "
                  f"min {min(latencies):.2f}  max {max(latencies):.2f}  mean {sum(latencies) / len(latencies):.2f}")
        if srv1.poll() is None:
            srv1.terminate()
    finally:
        for p in reversed(procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
        try:
            srv1.poll() is None and srv1.kill()
        except NameError:
            pass
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print("kept", tmp)


if __name__ == "__main__":
    main()
