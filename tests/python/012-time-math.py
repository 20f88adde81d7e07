import math
import time
start = time.perf_counter()
print(math.pi, math.e, math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.factorial(10))
print(math.log(100, 10), math.log10(100), math.log2(8), math.log(math.e), math.exp(1))
print(math.sin(0), math.cos(0), math.hypot(3, 4), math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3))
print(math.inf > 1e308, math.isnan(math.nan), math.trunc(-3.7), math.fabs(-2), math.comb(5, 2))
elapsed = time.perf_counter() - start
print(elapsed >= 0, type(time.time()).__name__)
from math import sqrt, pi as PI
print(sqrt(2), PI)
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
