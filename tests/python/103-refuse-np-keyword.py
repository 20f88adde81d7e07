# NumPy keywords pyprep does not implement are refused, not ignored (an
# ignored where= would print another sum), and no except can catch that
import numpy as np

a = np.arange(4.0)
print(np.add(a, a, out=np.zeros(4)), a.std(ddof=1, axis=0))
try:
    print(np.sum(a, where=a > 1))
except TypeError:
    print("caught")
