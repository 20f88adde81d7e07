x = 3.14159
n = 1234567
name = "Ada"
print(f"{x:.2f} {x:10.3f}| {x:<10}| {x:^10}| {x:e} {x:.3g} {n:,} {n:_} {0.256:.1%}")
print(f"{name!r} {name:>8} {name:*^9} {len(name)} {name.upper()}")
print(f"{n:d} {n:x} {n:X} {n:o} {n:b} {n:#x} {n:+d} {-n:d} {n:>12,}")
print(f"{x=} {n = } {x=:.1f}")
print(f"{'nested'} {f'{n}'} {[1, 2][1]} {{braces}} {x!s}")
width = 8
print(f"{x:{width}.2f}|{name:>{width}}|")
print(f"{True} {None} {[1, 'a']} {(1,)} {1.0} {1e20} {12345.678:,.2f}")
print(f"{3:05d} {-3:05d} {3.5:08.3f} {7:+} {0.5:%}")
