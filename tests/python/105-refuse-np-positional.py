# order='F' given by position: pyprep keeps C order only, so it refuses
# the argument rather than ignore it
import numpy as np

print(np.zeros(3, int))
print(np.zeros((2, 2), int, 'F'))
