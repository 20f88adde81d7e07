class Account:
    rate = 0.05

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = value

    @property
    def interest(self):
        return round(self._balance * self.rate, 2)

    @staticmethod
    def valid_owner(name):
        return name.isalpha()

    @classmethod
    def with_bonus(cls, owner):
        acct = cls(owner, 100)
        return acct

    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance})"


a = Account("ann", 50)
a.balance = 80
print(a.balance, a.interest, a)
try:
    a.balance = -1
except ValueError as e:
    print("ValueError:", e)
try:
    a.interest = 3
except AttributeError as e:
    print("AttributeError:", e)
print(Account.valid_owner("bob"), a.valid_owner("b0b"), Account.with_bonus("cy"))
print(type(Account.balance).__name__, Account.balance.fget(a))


class Premium(Account):
    rate = 0.1


p = Premium.with_bonus("dee")
print(type(p).__name__, p.interest)


class Positive:
    def __set_name__(self, owner, name):
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.private[1:]} must be positive")
        setattr(obj, self.private, value)


class Item:
    price = Positive()
    qty = Positive()

    def __init__(self, price, qty):
        self.price = price
        self.qty = qty

    def total(self):
        return self.price * self.qty


it = Item(2.5, 4)
print(it.total(), it._price, vars(it), type(Item.price).__name__)
try:
    it.qty = 0
except ValueError as e:
    print("ValueError:", e)


class Temperature:
    def __init__(self):
        self._c = 0

    def get_c(self):
        return self._c

    def set_c(self, v):
        self._c = v

    celsius = property(get_c, set_c)


t = Temperature()
t.celsius = 21
print(t.celsius, t._c)
