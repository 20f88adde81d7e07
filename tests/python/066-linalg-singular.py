# an uncaught LinAlgError ends the program with NumPy's message
import numpy as np

a = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
print(np.linalg.matrix_rank(a))
print(np.linalg.inv(a))
print("not reached")
