@staticmethod
def f(): pass
