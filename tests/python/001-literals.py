# numeric and string literal forms
print(1_000_000, 0x1F, 0o17, 0b101, 1e-3, .5, 5., 1E3, 0.000001, 1e16, 123456789012345678)
print('single', "double", '''triple
quoted''', """also "triple" """, r'raw\n', 'tab\tnew\\n')
print("esc: \x41\u00e9\U0001F600 \101", 'it\'s', "say \"hi\"")
print("py" 'thon', f"f{1+1}" "x")
print(repr('a\nb'), repr("it's"), repr('say "x"'), repr('both \' and "'), repr('\x00\x7f\u00a0é'))
print(0.1 + 0.2, 1/3, 2/3, 1e22, 1e-7, -0.0, float('inf'), -float('inf'), float('nan'))
print(7 / 2, 2 ** -1, 2 ** 10, 10 / 5, 3.0 * 2, 9 ** 0.5, (-8) ** 2)
