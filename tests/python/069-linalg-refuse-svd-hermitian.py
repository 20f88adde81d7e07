import numpy as np

print(np.linalg.svd(np.eye(2), hermitian=True))
