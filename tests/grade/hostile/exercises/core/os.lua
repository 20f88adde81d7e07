-- expect: os.lua:2: .*global 'os'
os.execute("touch /tmp/pyprep-pwned")
return {}
