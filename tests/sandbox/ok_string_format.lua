-- expect: ok
-- control: string.format and friends
-- stdout: 3.14 00042 0x1f "a\"b" abc  | 1.5e+10
print(string.format("%.2f %05d %#x %q %-5s|%8.1e", math.pi, 42, 31, 'a"b', "abc", 1.5e10))
