-- expect: runtime
-- class: 1 host capabilities (processes)
-- stderr: global 'os'
os.execute("touch /tmp/pyprep-sandbox-pwned")
