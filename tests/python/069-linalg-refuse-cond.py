import numpy as np

# NumPy inverts with errors ignored and reads inf from the NaNs
print(np.linalg.cond(np.array([[1.0, 2.0], [2.0, 4.0]]), 1))
