class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount


acct = Account("ann")
acct.deposit(5)
try:
    acct.ballance
except AttributeError as e:
    print("caught:", e)
print(acct.balance)
acct.depositt(10)
