# np.linalg checks its keywords too: NumPy rejects this one, pyprep
# refuses it rather than print a norm
import numpy as np

a = np.arange(6.0).reshape(3, 2)
print(np.linalg.norm(a, axis=0))
print(np.linalg.norm(a, bogus=1))
