-- py_rtlib.lua - builtins, methods of the core types, formatting, and the
-- math and time modules for pyprep's Python subset.
--
-- Loaded after py_rt.lua with (C, R). Every function checks its
-- arguments the way CPython does for the cases the subset supports and
-- refuses the rest; messages are CPython 3.11's.
local C, R = ...
local B = R.B
local NONE = R.NONE
local type, mtype, getmetatable, setmetatable = type, math.type,
    getmetatable, setmetatable
local select, tostring, tonumber, error = select, tostring, tonumber, error
local sfmt, sbyte, ssub, sfind, srep, schar, slower, supper, sgsub, smatch =
    string.format, string.byte, string.sub, string.find, string.rep,
    string.char, string.lower, string.upper, string.gsub, string.match
local concat, unpack = table.concat, table.unpack
local floor, huge = math.floor, math.huge
local maxint, minint = math.maxinteger, math.mininteger
local ulen, uchar, ucodes = utf8.len, utf8.char, utf8.codes

local throw, refuse = R.throw, R.refuse
local typename, ITER, toarray = R.typename, R.ITER, R.toarray
local LIST_MT, TUPLE_MT, DICT_MT, SET_MT, RANGE_MT, ITER_MT, TYPE_MT =
    C.LIST_MT, C.TUPLE_MT, C.DICT_MT, R.SET_MT, R.RANGE_MT, R.ITER_MT,
    R.TYPE_MT
local VIEW_MT, KW_MT = R.VIEW_MT, C.KW_MT
local mklist, mktuple, newdict, newset = R.mklist, R.mktuple, R.newdict,
    R.newset
local dget, dset, ddel, sadd, shas, sdel = R.dget, R.dset, R.ddel, R.sadd,
    R.shas, R.sdel
local REPR, STR, EQ, TRUTH = R.REPR, R.STR, R.EQB, R.TRUTH
local getkw, kwcheck, isnd, mkiter = R.getkw, R.kwcheck, R.isnd, R.mkiter
local ADD = R.ADD
local INFO = R.INFO
local METHODS = R.METHODS

local function nd() return R.getnd() end

local function nargs_error(fname, want, got)
    throw("TypeError", fname .. "() takes exactly " .. want ..
          " argument" .. (want == 1 and "" or "s") .. " (" .. got ..
          " given)")
end

local function call(f, ...)
    return f(...)
end

-- ---------------------------------------------------------------------
-- len, range

local function rangelen(r)
    if r.step > 0 then
        if r.start >= r.stop then return 0 end
        return (r.stop - r.start - 1) // r.step + 1
    end
    if r.start <= r.stop then return 0 end
    return (r.start - r.stop - 1) // (-r.step) + 1
end
R.rangelen = rangelen

local function LEN(o)
    local mt = getmetatable(o)
    if mt == LIST_MT or mt == TUPLE_MT then return o.n end
    if type(o) == "string" then
        if not sfind(o, "[\128-\255]") then return #o end
        return ulen(o) or refuse("strings that are not valid UTF-8")
    end
    if mt == DICT_MT or mt == SET_MT then return o.len end
    if mt == RANGE_MT then return rangelen(o) end
    if mt == VIEW_MT then return o.d.len end
    if isnd(o) then return nd().len(o) end
    if mt == R.OBJ_MT then return R.OBJ.len(o) end
    throw("TypeError", "object of type '" .. typename(o) ..
          "' has no len()")
end
R.LEN = LEN
B.len = function(...)
    local n = select("#", ...)
    if n ~= 1 then
        throw("TypeError", "len() takes exactly one argument (" .. n ..
              " given)")
    end
    return LEN((...))
end

local function mkrange(a, b, c)
    return setmetatable({start = a, stop = b, step = c}, RANGE_MT)
end

local function rangecall(...)
    local n = select("#", ...)
    local a, b, c = ...
    if n == 1 then
        return mkrange(0, R.index(a), 1)
    elseif n == 2 then
        return mkrange(R.index(a), R.index(b), 1)
    elseif n == 3 then
        c = R.index(c)
        if c == 0 then
            throw("ValueError", "range() arg 3 must not be zero")
        end
        return mkrange(R.index(a), R.index(b), c)
    end
    if n == 0 then
        throw("TypeError", "range expected at least 1 argument, got 0")
    end
    throw("TypeError", "range expected at most 3 arguments, got " .. n)
end

-- ---------------------------------------------------------------------
-- type objects

local T = {}
local function deftype(name, callf, check)
    local t = R.mktype(name, {call = callf, check = check, methods = {}})
    B[name] = t
    T[name] = t
    return t
end

local function int_from_string(s, base)
    if sfind(s, "[\128-\255]") then
        refuse("int() of non-ASCII text (unicode digits and spaces)")
    end
    local t = sgsub(s, "^%s+", "")
    t = sgsub(t, "%s+$", "")
    local sign = 1
    local body = t
    if ssub(body, 1, 1) == "-" then
        sign = -1
        body = ssub(body, 2)
    elseif ssub(body, 1, 1) == "+" then
        body = ssub(body, 2)
    end
    local b = base
    if b == 0 or b == 16 or b == 8 or b == 2 then
        local p = slower(ssub(body, 1, 2))
        if (p == "0x" and (b == 0 or b == 16)) then
            b = 16; body = ssub(body, 3)
        elseif (p == "0o" and (b == 0 or b == 8)) then
            b = 8; body = ssub(body, 3)
        elseif (p == "0b" and (b == 0 or b == 2)) then
            b = 2; body = ssub(body, 3)
        elseif b == 0 then
            b = 10
        end
    end
    local ok = body ~= "" and not sfind(body, "^_") and
                   not sfind(body, "_$") and not sfind(body, "__")
    local digits = sgsub(body, "_", "")
    local v = 0
    if ok then
        for i = 1, #digits do
            local ch = slower(ssub(digits, i, i))
            local d = tonumber(ch, 36)
            if not d or d >= b then
                ok = false
                break
            end
            if v > (maxint - d) // b then
                refuse("integers beyond 64 bits")
            end
            v = v * b + d
        end
    end
    if not ok then
        throw("ValueError", "invalid literal for int() with base " ..
              base .. ": " .. R.str_repr(s))
    end
    return sign * v
end

local function float_to_int(x)
    if x ~= x then
        throw("ValueError", "cannot convert float NaN to integer")
    end
    if x == huge or x == -huge then
        throw("OverflowError", "cannot convert float infinity to integer")
    end
    local t = x >= 0 and floor(x) or -floor(-x)
    local i = math.tointeger(t)
    if not i then refuse("integers beyond 64 bits") end
    return i
end
R.float_to_int = float_to_int

deftype("int", function(...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    local x, base = ...
    if kw then
        if kw.base == nil then refuse("these keyword arguments to int()") end
        base = kw.base
        if n == 0 then refuse("int(base=...) without a value") end
    end
    if n == 0 then return 0 end
    if base ~= nil then
        if type(x) ~= "string" then
            throw("TypeError", "int() can't convert non-string with " ..
                  "explicit base")
        end
        return int_from_string(x, R.index(base))
    end
    local tx = mtype(x)
    if tx == "integer" then return x end
    if tx == "float" then return float_to_int(x) end
    if type(x) == "boolean" then return x and 1 or 0 end
    if type(x) == "string" then return int_from_string(x, 10) end
    if isnd(x) then
        local v = nd().item(x)
        if mtype(v) == "float" then return float_to_int(v) end
        if type(v) == "boolean" then return v and 1 or 0 end
        return v
    end
    throw("TypeError", "int() argument must be a string, a bytes-like " ..
          "object or a real number, not '" .. typename(x) .. "'")
end, function(v)
    return mtype(v) == "integer" or type(v) == "boolean"
end)

local function float_from_string(s)
    if sfind(s, "[\128-\255]") then
        refuse("float() of non-ASCII text (unicode digits and spaces)")
    end
    local t = slower(sgsub(sgsub(s, "^%s+", ""), "%s+$", ""))
    local sign, body = 1, t
    if ssub(body, 1, 1) == "-" then
        sign = -1; body = ssub(body, 2)
    elseif ssub(body, 1, 1) == "+" then
        body = ssub(body, 2)
    end
    if body == "inf" or body == "infinity" then return sign * huge end
    if body == "nan" then return 0.0 / 0.0 end
    local clean = sgsub(body, "_", "")
    if not sfind(body, "__") and not sfind(body, "^_") and
        not sfind(body, "_$") and not sfind(body, "%._") and
        not sfind(body, "_%.") and
        (sfind(clean, "^%d+%.?%d*$") or sfind(clean, "^%.%d+$") or
         sfind(clean, "^%d+%.?%d*e[-+]?%d+$") or
         sfind(clean, "^%.%d+e[-+]?%d+$")) then
        return sign * (tonumber(clean) * 1.0)
    end
    throw("ValueError", "could not convert string to float: " ..
          R.str_repr(s))
end

deftype("float", function(...)
    local n = select("#", ...)
    local x = ...
    if n == 0 then return 0.0 end
    if mtype(x) then return x * 1.0 end
    if type(x) == "boolean" then return x and 1.0 or 0.0 end
    if type(x) == "string" then return float_from_string(x) end
    if isnd(x) then
        local v = nd().item(x)
        if type(v) == "boolean" then return v and 1.0 or 0.0 end
        if mtype(v) then return v * 1.0 end
    end
    throw("TypeError", "float() argument must be a string or a real " ..
          "number, not '" .. typename(x) .. "'")
end, function(v)
    if mtype(v) == "float" then return true end
    return isnd(v) and nd().isinstance_float and nd().isinstance_float(v)
end)

deftype("str", function(...)
    local n = select("#", ...)
    if n == 0 then return "" end
    if n > 1 then refuse("str() with an encoding") end
    return STR((...))
end, function(v) return type(v) == "string" end)

deftype("bool", function(...)
    if select("#", ...) == 0 then return false end
    return TRUTH((...))
end, function(v) return type(v) == "boolean" end)

deftype("list", function(...)
    if select("#", ...) == 0 then return mklist({}, 0) end
    local it = ...
    local t, n = {}, 0
    for v in ITER(it) do
        n = n + 1
        t[n] = v
    end
    return mklist(t, n)
end, function(v) return getmetatable(v) == LIST_MT end)

deftype("tuple", function(...)
    if select("#", ...) == 0 then return R.EMPTY_TUPLE end
    local it = ...
    if getmetatable(it) == TUPLE_MT then return it end
    local t, n = {}, 0
    for v in ITER(it) do
        n = n + 1
        t[n] = v
    end
    return mktuple(t, n)
end, function(v) return getmetatable(v) == TUPLE_MT end)

local function dict_update(d, src, kw)
    if src ~= nil then
        if getmetatable(src) == DICT_MT then
            for i = 1, src.n do
                if src.k[i] ~= nil then dset(d, src.k[i], src.v[i]) end
            end
        else
            local idx = 0
            for item in ITER(src) do
                local t, m = toarray(item)
                if m ~= 2 then
                    throw("ValueError", "dictionary update sequence " ..
                          "element #" .. idx .. " has length " .. m ..
                          "; 2 is required")
                end
                dset(d, t[1], t[2])
                idx = idx + 1
            end
        end
    end
    if kw then
        -- keyword order is not kept by the KW table: refuse several
        local names = {}
        for k in pairs(kw) do names[#names + 1] = k end
        if #names > 1 then refuse("dict() with several keyword arguments") end
        for _, k in ipairs(names) do dset(d, k, kw[k]) end
    end
end

deftype("dict", function(...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    local d = newdict()
    dict_update(d, n > 0 and (...) or nil, kw)
    return d
end, function(v) return getmetatable(v) == DICT_MT end)

deftype("set", function(...)
    local s = newset()
    if select("#", ...) > 0 then
        local src = ...
        local mt = getmetatable(src)
        for v in R.iter_unordered(src) do sadd(s, v) end
        -- CPython presizes when copying sets and dicts
        if mt == SET_MT or mt == DICT_MT or mt == VIEW_MT then
            s.approx = true
        end
    end
    return s
end, function(v) return getmetatable(v) == SET_MT and not v.frozen end)

deftype("frozenset", function(...)
    local s = newset()
    if select("#", ...) > 0 then
        for v in R.iter_unordered((...)) do sadd(s, v) end
        s.approx = true
    end
    s.frozen = true
    return s
end, function(v) return getmetatable(v) == SET_MT and v.frozen end)

deftype("range", rangecall,
        function(v) return getmetatable(v) == RANGE_MT end)
deftype("NoneType", function() return NONE end,
        function(v) return v == NONE end)
deftype("type", function(...)
    local n = select("#", ...)
    if n == 3 then return R.OBJ.type3(...) end
    if n ~= 1 then
        throw("TypeError", "type() takes 1 or 3 arguments")
    end
    return R.typeof((...))
end, function(v) return getmetatable(v) == TYPE_MT end)
deftype("function", function() refuse("calling the function type") end,
        function(v) return type(v) == "function" end)
deftype("object", function(...)
    if select("#", ...) > 0 then
        throw("TypeError", "object() takes no arguments")
    end
    return R.OBJECT_INSTANCE()
end, function() return true end)
R.OBJECT = T.object
T.object.dict = R.OBJ_DICT
T.object.mro = {T.object}
T.int.methods = nil
T.bool.base = T.int

function R.typeof(v)
    local oc = R.OBJ.objclass(v)
    if oc then return oc end
    local tn = typename(v)
    local t = T[tn]
    if t then return t end
    local mt = getmetatable(v)
    if mt == C.EXC_MT then return R.exc_class(v.type) end
    if isnd(v) then return nd().typeobj(v) end
    if mt == ITER_MT or mt == VIEW_MT then
        return R.mktype(tn)
    end
    if type(v) == "function" then
        return T["function"]
    end
    return R.mktype(tn)
end
B.type = T.type

local function isinst(v, cls)
    local mt = getmetatable(cls)
    if mt == TUPLE_MT then
        for i = 1, cls.n do
            if isinst(v, cls[i]) then return true end
        end
        return false
    end
    if mt ~= TYPE_MT then
        throw("TypeError", "isinstance() arg 2 must be a type, a tuple of " ..
              "types, or a union")
    end
    if cls.user then
        local oc = R.OBJ.objclass(v)
        return oc ~= nil and R.OBJ.subclass(oc, cls)
    end
    if cls.check then return cls.check(v) and true or false end
    if cls.exc then
        return getmetatable(v) == C.EXC_MT and
                   R.EXCMATCH(v, cls)
    end
    if cls == T.object then return true end
    refuse("isinstance with this class")
end

B.isinstance = function(v, cls)
    return isinst(v, cls)
end

B.issubclass = function(a, b)
    if getmetatable(a) == TYPE_MT and getmetatable(b) == TUPLE_MT then
        for i = 1, b.n do
            if B.issubclass(a, b[i]) then return true end
        end
        return false
    end
    if getmetatable(a) ~= TYPE_MT then
        throw("TypeError", "issubclass() arg 1 must be a class")
    end
    if getmetatable(a) == TYPE_MT and getmetatable(b) == TYPE_MT then
        if a == b then return true end
        if a.user or b.user then return R.OBJ.subclass(a, b) end
        if a.exc and b.exc then
            return R.EXCMATCH({type = a.exc}, b)
        end
        if a == T.bool and b == T.int then return true end
        if b == T.object then return true end
        if a.check and b.check then return false end
    end
    refuse("issubclass with these arguments")
end

B.repr = function(v) return REPR(v) end
B.ascii = R.ASCII
B.callable = function(v)
    if R.OBJ.callable(v) then return true end
    return type(v) == "function" or getmetatable(v) == TYPE_MT
end

-- ---------------------------------------------------------------------
-- numeric builtins

B.abs = function(x)
    if mtype(x) == "integer" then
        if x == minint then refuse("integers beyond 64 bits") end
        return x < 0 and -x or x
    end
    if mtype(x) then return math.abs(x) end
    if type(x) == "boolean" then return x and 1 or 0 end
    if isnd(x) then return nd().call("absolute", x) end
    if R.isobj(x) then return R.OBJ.unop(x, "__abs__", "abs()") end
    throw("TypeError", "bad operand type for abs(): '" .. typename(x) .. "'")
end

B.divmod = function(a, b)
    local x, y = a, b
    if type(x) == "boolean" then x = x and 1 or 0 end
    if type(y) == "boolean" then y = y and 1 or 0 end
    if mtype(x) and mtype(y) and y == 0 then
        if mtype(x) == "integer" and mtype(y) == "integer" then
            throw("ZeroDivisionError", "integer division or modulo by zero")
        end
        throw("ZeroDivisionError", "float divmod()")
    end
    return mktuple({R.FLOORDIV(a, b), R.MOD(a, b)}, 2)
end

B.pow = function(a, b, m) return R.POW(a, b, m) end

local function round_half_even(x)
    return C.rint(x)
end

B.round = function(...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    local x, nd_ = ...
    if kw then nd_ = kw.ndigits end
    if isnd(x) then
        if nd_ == nil or nd_ == NONE then
            return nd().call("round", x)
        end
        return nd().call("round", x, nd_)
    end
    if type(x) == "boolean" then x = x and 1 or 0 end
    if nd_ == nil or nd_ == NONE then
        if mtype(x) == "integer" then return x end
        if mtype(x) == "float" then
            return float_to_int(round_half_even(x))
        end
        throw("TypeError", "type " .. typename(x) ..
              " doesn't define __round__ method")
    end
    local d = R.index(nd_)
    if mtype(x) == "integer" then
        if d >= 0 then return x end
        local p = 10 ^ (-d)
        if -d > 18 then return 0 end
        p = math.tointeger(p)
        local q, r = x // p, x % p
        -- half to even
        if r * 2 > p or (r * 2 == p and q % 2 == 1) then q = q + 1 end
        return q * p
    end
    if mtype(x) == "float" then
        return C.round(x, d)
    end
    throw("TypeError", "type " .. typename(x) ..
          " doesn't define __round__ method")
end

B.hex = function(x)
    x = R.index(x)
    if x < 0 then return "-0x" .. sfmt("%x", -x) end
    return "0x" .. sfmt("%x", x)
end
B.oct = function(x)
    x = R.index(x)
    if x < 0 then return "-0o" .. sfmt("%o", -x) end
    return "0o" .. sfmt("%o", x)
end
local function tobin(x)
    if x == 0 then return "0" end
    local t = {}
    while x > 0 do
        t[#t + 1] = tostring(x & 1)
        x = x >> 1
    end
    return string.reverse(concat(t))
end
B.bin = function(x)
    x = R.index(x)
    if x < 0 then return "-0b" .. tobin(-x) end
    return "0b" .. tobin(x)
end
R.tobin = tobin

B.chr = function(i)
    i = R.index(i)
    if i < 0 or i > 0x10FFFF then
        throw("ValueError", "chr() arg not in range(0x110000)")
    end
    if i >= 0xD800 and i < 0xE000 then refuse("surrogate characters") end
    return uchar(i)
end
B.ord = function(s)
    if type(s) ~= "string" then
        throw("TypeError", "ord() expected string of length 1, but " ..
              typename(s) .. " found")
    end
    local n = R.LEN(s)
    if n ~= 1 then
        throw("TypeError", "ord() expected a character, but string of " ..
              "length " .. n .. " found")
    end
    return utf8.codepoint(s)
end

-- CPython's numeric hash (modulo 2**61 - 1) and its tuple hash (the
-- xxHash-style combination of 3.8+); str and None hashes are randomised
-- or address-based, so they are refused
local HASH_MOD = (1 << 61) - 1
local function hash_value(v)
    if type(v) == "boolean" then return v and 1 or 0 end
    if mtype(v) == "integer" then
        local h
        if v >= 0 then
            h = v % HASH_MOD
        elseif v == minint then
            h = -(((maxint % HASH_MOD) + 1) % HASH_MOD)
        else
            h = -((-v) % HASH_MOD)
        end
        if h == -1 then h = -2 end
        return h
    end
    if mtype(v) == "float" then
        if v ~= v then refuse("hash() of NaN") end
        if v == huge then return 314159 end
        if v == -huge then return -314159 end
        if v == floor(v) and v > -2^63 and v < 2^63 then
            return hash_value(math.tointeger(v))
        end
        local sign = 1
        if v < 0 then
            sign = -1
            v = -v
        end
        local m, e = math.frexp(v)
        local x = 0
        while m ~= 0 do
            x = ((x << 28) & HASH_MOD) | (x >> 33)
            m = m * 268435456.0
            e = e - 28
            local y = math.floor(m)
            m = m - y
            x = x + math.tointeger(y)
            if x >= HASH_MOD then x = x - HASH_MOD end
        end
        if e >= 0 then e = e % 61 else e = 60 - ((-1 - e) % 61) end
        x = ((x << e) & HASH_MOD) | (x >> (61 - e))
        x = x * sign
        if x == -1 then x = -2 end
        return x
    end
    if getmetatable(v) == TUPLE_MT then
        local P1, P2, P5 = -7046029288634856825, -4417276706812531889,
            2870177450012600261
        local acc = P5
        for i = 1, v.n do
            local lane = hash_value(v[i])
            acc = acc + lane * P2
            acc = (acc << 31) | (acc >> 33)
            acc = acc * P1
        end
        acc = acc + (v.n ~ (P5 ~ 3527539))
        if acc == -1 then return 1546275796 end
        return acc
    end
    return B.hash(v)
end

B.hash = function(v)
    if mtype(v) or getmetatable(v) == TUPLE_MT then return hash_value(v) end
    if type(v) == "boolean" then return v and 1 or 0 end
    if R.isobj(v) then
        local h = R.OBJ.lookup(R.OBJ.objclass(v), "__hash__")
        if h == NONE then
            throw("TypeError", "unhashable type: '" .. typename(v) .. "'")
        end
        if h ~= nil then
            local r = h(v)
            if mtype(r) ~= "integer" then
                throw("TypeError", "__hash__ method should return an " ..
                      "integer")
            end
            if r == -1 then r = -2 end
            return r
        end
    end
    refuse("hash() of this value")
end
B.id = function() refuse("id() (object addresses)") end

-- ---------------------------------------------------------------------
-- iteration builtins

local function key_of(kf, v)
    if kf == nil or kf == NONE then return v end
    return kf(v)
end

local function minmax(fname, better, ...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    local kf, default
    if kw then
        kwcheck(fname, kw, {key = 1, default = 1})
        kf, default = kw.key, kw.default
    end
    local items, m
    if n == 1 and kf == nil then
        items, m = {}, 0
        for v in R.iter_unordered((...)) do
            m = m + 1
            items[m] = v
        end
    elseif n == 1 then
        items, m = toarray((...))
    elseif n == 0 then
        throw("TypeError", fname .. " expected at least 1 argument, got 0")
    else
        if default ~= nil then
            throw("TypeError", "Cannot specify a default for " .. fname ..
                  "() with multiple positional arguments")
        end
        items, m = {...}, n
    end
    if m == 0 then
        if default ~= nil then return default end
        throw("ValueError", fname .. "() arg is an empty sequence")
    end
    local best, bk = items[1], key_of(kf, items[1])
    for i = 2, m do
        local v = items[i]
        local k = key_of(kf, v)
        if better(k, bk) then
            best, bk = v, k
        end
    end
    return best
end

local function truth_cmp(f)
    return function(a, b) return TRUTH(f(a, b)) end
end
local LT, GT = truth_cmp(R.LT), truth_cmp(R.GT)
B.min = function(...) return minmax("min", LT, ...) end
B.max = function(...) return minmax("max", GT, ...) end

B.sum = function(...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    local it, start = ...
    if kw then start = kw.start end
    if start == nil then start = 0 end
    if type(start) == "string" then
        throw("TypeError", "sum() can't sum strings [use ''.join(seq) " ..
              "instead]")
    end
    local acc = start
    local mt = getmetatable(it)
    if (mt == LIST_MT or mt == TUPLE_MT) then
        local allf = mtype(acc) == "float"
        for i = 1, it.n do
            local v = it[i]
            acc = ADD(acc, v)
        end
        if allf then return acc end
        return acc
    end
    if mt == RANGE_MT and mtype(acc) == "integer" then
        local len = rangelen(it)
        -- closed form, checked for overflow through the float estimate
        if len == 0 then return acc end
        local first = it.start
        local last = it.start + (len - 1) * it.step
        local est = (first * 1.0 + last) * len / 2
        if est > 9.2e18 or est < -9.2e18 then
            refuse("integers beyond 64 bits")
        end
        local s
        if len % 2 == 0 then
            s = (first + last) * (len // 2)
        else
            s = ((first + last) // 2) * len
        end
        return ADD(acc, s)
    end
    for v in ITER(it) do acc = ADD(acc, v) end
    return acc
end

B.any = function(it)
    for v in R.iter_unordered(it) do
        if TRUTH(v) then return true end
    end
    return false
end
B.all = function(it)
    for v in R.iter_unordered(it) do
        if not TRUTH(v) then return false end
    end
    return true
end

-- Stable merge sort with Python's '<' (TypeError on mixed types).
local lt = R.lt
local function less(a, b)
    if mtype(a) and mtype(b) then return a < b end
    if type(a) == "string" and type(b) == "string" then
        return C.strlt(a, b)
    end
    if isnd(a) or isnd(b) or R.isobj(a) or R.isobj(b) then
        return TRUTH(R.LT(a, b))
    end
    return lt(a, b)
end
R.less = less

local function merge_sort(keys, idx, n)
    local tmp = {}
    local width = 1
    local src, dst = idx, tmp
    -- insertion sort runs of 8, then merge
    local RUN = 8
    for lo = 1, n, RUN do
        local hi = lo + RUN - 1
        if hi > n then hi = n end
        for i = lo + 1, hi do
            local x = src[i]
            local j = i - 1
            while j >= lo and less(keys[x], keys[src[j]]) do
                src[j + 1] = src[j]
                j = j - 1
            end
            src[j + 1] = x
        end
    end
    width = RUN
    while width < n do
        for lo = 1, n, 2 * width do
            local mid = lo + width - 1
            local hi = lo + 2 * width - 1
            if mid > n then mid = n end
            if hi > n then hi = n end
            local i, j, k = lo, mid + 1, lo
            while i <= mid and j <= hi do
                if less(keys[src[j]], keys[src[i]]) then
                    dst[k] = src[j]
                    j = j + 1
                else
                    dst[k] = src[i]
                    i = i + 1
                end
                k = k + 1
            end
            while i <= mid do
                dst[k] = src[i]; i = i + 1; k = k + 1
            end
            while j <= hi do
                dst[k] = src[j]; j = j + 1; k = k + 1
            end
        end
        src, dst = dst, src
        width = width * 2
    end
    return src
end

-- Without a key, a list of only ints, only floats (no NaN) or only strings
-- has no two equal-but-distinguishable items, so an unstable C sort gives
-- CPython's result exactly.
local function fast_sort(t, n, reverse)
    if n < 2 then return true end
    local kind = mtype(t[1]) or type(t[1])
    if kind ~= "integer" and kind ~= "float" and kind ~= "string" then
        return false
    end
    local zeros = 0
    for i = 1, n do
        local v = t[i]
        if (mtype(v) or type(v)) ~= kind or v ~= v then return false end
        -- 0.0 and -0.0 are equal but print differently: keep stability
        if kind == "float" and v == 0 then
            zeros = zeros + 1
            if zeros > 1 then return false end
        end
    end
    -- string order is by code point (never the C library's locale)
    local lt = kind == "string" and C.strlt or nil
    local tmp = {}
    for i = 1, n do tmp[i] = t[i] end
    table.sort(tmp, lt)
    if reverse then
        for i = 1, n do t[i] = tmp[n + 1 - i] end
    else
        for i = 1, n do t[i] = tmp[i] end
    end
    return true
end

-- Sort items t[1..n] in place (a list's storage).
local function sort_items(t, n, kf, reverse)
    if (kf == nil or kf == NONE) and fast_sort(t, n, reverse) then
        return
    end
    local keys, idx = {}, {}
    for i = 1, n do
        keys[i] = key_of(kf, t[i])
        idx[i] = i
    end
    if reverse then
        -- reverse=True keeps stability: sort reversed input, reverse output
        local rk, rt = {}, {}
        for i = 1, n do
            rk[i] = keys[n + 1 - i]
            rt[i] = t[n + 1 - i]
        end
        local order = merge_sort(rk, idx, n)
        local out = {}
        for i = 1, n do out[i] = rt[order[n + 1 - i]] end
        for i = 1, n do t[i] = out[i] end
        return
    end
    local order = merge_sort(keys, idx, n)
    local out = {}
    for i = 1, n do out[i] = t[order[i]] end
    for i = 1, n do t[i] = out[i] end
end

B.sorted = function(...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    if n ~= 1 then
        throw("TypeError", "sorted expected 1 argument, got " .. n)
    end
    local kf, rev
    if kw then
        kwcheck("sort", kw, {key = 1, reverse = 1})
        kf, rev = kw.key, kw.reverse and TRUTH(kw.reverse)
    end
    local t, m = {}, 0
    local keyed = kf ~= nil and kf ~= NONE
    for v in (keyed and ITER or R.iter_unordered)((...)) do
        m = m + 1
        t[m] = v
    end
    sort_items(t, m, kf, rev)
    return mklist(t, m)
end

B.reversed = function(o)
    local mt = getmetatable(o)
    local t, n
    if mt == LIST_MT then
        local i = o.n + 1
        return mkiter(function()
            i = i - 1
            if i >= 1 and i <= o.n then return o[i] end
            i = 0
            return nil
        end, "list_reverseiterator")
    elseif mt == TUPLE_MT or type(o) == "string" or mt == RANGE_MT or
        isnd(o) then
        t, n = toarray(o)
    elseif mt == DICT_MT then
        t, n = toarray(o)
    else
        throw("TypeError", "'" .. typename(o) ..
              "' object is not reversible")
    end
    local i = n + 1
    return mkiter(function()
        i = i - 1
        if i >= 1 then return t[i] end
        return nil
    end, "reversed")
end

B.enumerate = function(...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    local it, start = ...
    if kw then start = kw.start end
    local f = ITER(it)
    local i = (start == nil and 0 or R.index(start)) - 1
    return mkiter(function()
        local v = f()
        if v == nil then return nil end
        i = i + 1
        return mktuple({i, v}, 2)
    end, "enumerate")
end

B.zip = function(...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    local strict = kw and kw.strict and TRUTH(kw.strict)
    local fs = {}
    for i = 1, n do fs[i] = ITER((select(i, ...))) end
    local done = false
    return mkiter(function()
        if done or n == 0 then return nil end
        local t = {}
        for i = 1, n do
            local v = fs[i]()
            if v == nil then
                done = true
                if strict and i > 1 then
                    throw("ValueError", "zip() argument " .. i ..
                          " is shorter than argument 1")
                end
                return nil
            end
            t[i] = v
        end
        return mktuple(t, n)
    end, "zip")
end

B.map = function(f, ...)
    local n = select("#", ...)
    if n == 0 then
        throw("TypeError", "map() must have at least two arguments.")
    end
    local fs = {}
    for i = 1, n do fs[i] = ITER((select(i, ...))) end
    return mkiter(function()
        local t = {}
        for i = 1, n do
            local v = fs[i]()
            if v == nil then return nil end
            t[i] = v
        end
        return f(unpack(t, 1, n))
    end, "map")
end

B.filter = function(f, it)
    local g = ITER(it)
    return mkiter(function()
        while true do
            local v = g()
            if v == nil then return nil end
            if f == NONE then
                if TRUTH(v) then return v end
            elseif TRUTH(f(v)) then
                return v
            end
        end
    end, "filter")
end

B.iter = function(o, sentinel)
    if sentinel ~= nil then refuse("iter() with a sentinel") end
    if getmetatable(o) == ITER_MT then return o end
    if R.isobj(o) then
        -- an iterator object of a user class is returned as it is
        local f = R.OBJ.lookup(R.OBJ.objclass(o), "__iter__")
        if f then
            local it = f(o)
            local mt = getmetatable(it)
            if mt == ITER_MT or (R.isobj(it) and
                R.OBJ.lookup(R.OBJ.objclass(it), "__next__")) then
                return it
            end
            throw("TypeError", "iter() returned non-iterator of type '" ..
                  typename(it) .. "'")
        end
    end
    return mkiter(ITER(o), typename(o) .. "_iterator")
end

B.next = function(it, default)
    if R.isobj(it) then
        local f = R.OBJ.lookup(R.OBJ.objclass(it), "__next__")
        if f then
            if default == nil then return f(it) end
            local ok, v = pcall(f, it)
            if ok then return v end
            if getmetatable(v) == C.EXC_MT and v.type == "StopIteration" then
                return default
            end
            error(v, 0)
        end
    end
    if getmetatable(it) == ITER_MT and it.resume then
        -- a generator: its return value rides on StopIteration
        local v, fin = it.resume(NONE)
        if not fin then return v end
        if default ~= nil then return default end
        error(R.stop_iteration(v), 0)
    end
    if getmetatable(it) ~= ITER_MT then
        throw("TypeError", "'" .. typename(it) .. "' object is not an " ..
              "iterator")
    end
    local v = it.nextf()
    if v == nil then
        if default ~= nil then return default end
        error(R.mkexc("StopIteration", R.EMPTY_TUPLE), 0)
    end
    return v
end

B.format = function(v, spec) return R.FMT(v, spec or "") end

B.input = function() refuse("input()") end
B.open = function() refuse("open() (files)") end
for _, name in ipairs({"super", "vars", "dir", "globals", "locals",
                       "getattr", "setattr", "hasattr", "delattr", "exit",
                       "quit", "slice"}) do
    B[name] = function() refuse(name .. "()") end
end
-- attribute builtins (through the runtime's GA/SETATTR, so classes,
-- modules and functions behave as attribute access does)
B.getattr = function(o, name, default)
    if type(name) ~= "string" then
        throw("TypeError", "attribute name must be string, not '" ..
              typename(name) .. "'")
    end
    if default == nil then return R.GA(o, name) end
    local ok, v = pcall(R.GA, o, name)
    if ok then return v end
    if getmetatable(v) == C.EXC_MT and
        R.EXCMATCH(v, R.exc_class("AttributeError")) then
        return default
    end
    error(v, 0)
end
B.hasattr = function(o, name)
    if type(name) ~= "string" then
        throw("TypeError", "attribute name must be string, not '" ..
              typename(name) .. "'")
    end
    if name == "__dict__" and R.isobj(o) then
        return not R.OBJ.objclass(o).slots
    end
    local ok, v = pcall(R.GA, o, name)
    if ok then return true end
    if getmetatable(v) == C.EXC_MT and
        R.EXCMATCH(v, R.exc_class("AttributeError")) then
        return false
    end
    error(v, 0)
end
B.setattr = function(o, name, v)
    if type(name) ~= "string" then
        throw("TypeError", "attribute name must be string, not '" ..
              typename(name) .. "'")
    end
    R.SETATTR(o, name, v)
    return NONE
end
B.delattr = function() refuse("delattr()") end
B.vars = function(...)
    if select("#", ...) == 0 then refuse("vars() without an argument") end
    return R.OBJ.vars((...))
end
B.dir = function() refuse("dir()") end
B.super = function(cls, obj)
    if cls == nil then refuse("super() outside a method") end
    return R.SUPER(cls, obj)
end
R.OBJECT_INSTANCE = function()
    return setmetatable({[R.CLSKEY] = T.object}, R.OBJ_MT)
end

B.slice = function(a, b, c)
    if b == nil then a, b = NONE, a end
    return R.SLICE(a, b, c == nil and NONE or c)
end
B.Ellipsis = C.ELLIPSIS or NONE
B.NotImplemented = R.NOTIMPL
B.__name__ = "__main__"

-- ---------------------------------------------------------------------
-- list methods

local function seq_index_of(o, x, start, stop, what)
    local n = o.n
    start = start and R.index(start) or 0
    stop = stop and R.index(stop) or n
    if start < 0 then start = start + n; if start < 0 then start = 0 end end
    if stop < 0 then stop = stop + n end
    if stop > n then stop = n end
    for i = start + 1, stop do
        if EQ(o[i], x) then return i - 1 end
    end
    -- (the message is built only now: repr() may refuse)
    throw("ValueError", type(what) == "function" and what() or what)
end

local function seq_count(o, x)
    local c = 0
    for i = 1, o.n do
        if EQ(o[i], x) then c = c + 1 end
    end
    return c
end

local LM = {}
METHODS.list = LM
LM.append = function(o, x)
    local n = o.n + 1
    o[n] = x
    o.n = n
    return NONE
end
LM.extend = function(o, it)
    local t, m = toarray(it)
    local n = o.n
    for i = 1, m do o[n + i] = t[i] end
    o.n = n + m
    return NONE
end
LM.insert = function(o, i, x)
    i = R.index(i)
    local n = o.n
    if i < 0 then
        i = i + n
        if i < 0 then i = 0 end
    end
    if i > n then i = n end
    table.insert(o, i + 1, x)
    o.n = n + 1
    return NONE
end
LM.pop = function(o, i)
    local n = o.n
    if n == 0 then throw("IndexError", "pop from empty list") end
    if i == nil then
        local v = o[n]
        o[n] = nil
        o.n = n - 1
        return v
    end
    i = R.index(i)
    if i < 0 then i = i + n end
    if i < 0 or i >= n then throw("IndexError", "pop index out of range") end
    local v = table.remove(o, i + 1)
    o.n = n - 1
    return v
end
LM.remove = function(o, x)
    for i = 1, o.n do
        if EQ(o[i], x) then
            table.remove(o, i)
            o.n = o.n - 1
            return NONE
        end
    end
    throw("ValueError", "list.remove(x): x not in list")
end
LM.index = function(o, x, a, b)
    return seq_index_of(o, x, a, b,
                        function() return REPR(x) .. " is not in list" end)
end
LM.count = seq_count
LM.reverse = function(o)
    local n = o.n
    for i = 1, n // 2 do o[i], o[n + 1 - i] = o[n + 1 - i], o[i] end
    return NONE
end
LM.sort = function(o, ...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    if n > 0 then
        throw("TypeError", "sort() takes no positional arguments")
    end
    local kf, rev
    if kw then
        kwcheck("sort", kw, {key = 1, reverse = 1})
        kf, rev = kw.key, kw.reverse and TRUTH(kw.reverse)
    end
    sort_items(o, o.n, kf, rev)
    return NONE
end
LM.copy = function(o)
    local t = {}
    for i = 1, o.n do t[i] = o[i] end
    return mklist(t, o.n)
end
LM.clear = function(o)
    for i = 1, o.n do o[i] = nil end
    o.n = 0
    return NONE
end

local TM = {}
METHODS.tuple = TM
TM.index = function(o, x, a, b)
    return seq_index_of(o, x, a, b, "tuple.index(x): x not in tuple")
end
TM.count = seq_count

-- ---------------------------------------------------------------------
-- dict methods

local DM = {}
METHODS.dict = DM
DM.get = function(d, k, default)
    local v = dget(d, k)
    if v == nil then return default == nil and NONE or default end
    return v
end
DM.setdefault = function(d, k, default)
    local v = dget(d, k)
    if v == nil then
        v = default == nil and NONE or default
        dset(d, k, v)
    end
    return v
end
DM.pop = function(d, k, default)
    local v = dget(d, k)
    if v == nil then
        if default ~= nil then return default end
        error(R.mkexc("KeyError", mktuple({k}, 1)), 0)
    end
    ddel(d, k)
    return v
end
DM.popitem = function(d)
    for i = d.n, 1, -1 do
        if d.k[i] ~= nil then
            local k, v = d.k[i], d.v[i]
            ddel(d, k)
            return mktuple({k, v}, 2)
        end
    end
    throw("KeyError", "'popitem(): dictionary is empty'")
end
local function view(d, which, kind)
    return setmetatable({d = d, which = which, kind = kind}, VIEW_MT)
end
DM.keys = function(d) return view(d, 1, "dict_keys") end
DM.values = function(d) return view(d, 2, "dict_values") end
DM.items = function(d) return view(d, 3, "dict_items") end
DM.update = function(d, ...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    dict_update(d, n > 0 and (...) or nil, kw)
    return NONE
end
DM.copy = function(d)
    local c = newdict()
    for i = 1, d.n do
        if d.k[i] ~= nil then dset(c, d.k[i], d.v[i]) end
    end
    return c
end
DM.clear = function(d)
    d.k, d.v, d.ix, d.n, d.len = {}, {}, {}, 0, 0
    d.ver = (d.ver or 0) + 1
    return NONE
end
T.dict.methods.fromkeys = function(it, v)
    local d = newdict()
    for k in ITER(it) do dset(d, k, v == nil and NONE or v) end
    return d
end

-- ---------------------------------------------------------------------
-- sets

local function set_members(s)
    local t, n = {}, 0
    for i = 1, s.n do
        if s.k[i] ~= nil then
            n = n + 1
            t[n] = s.k[i]
        end
    end
    return t, n
end

function R.setop(op, a, b)
    local r = newset()
    if op == "|" then
        local ta, na = set_members(a)
        for i = 1, na do sadd(r, ta[i]) end
        local tb, nb = set_members(b)
        for i = 1, nb do sadd(r, tb[i]) end
    elseif op == "&" then
        local ta, na = set_members(a)
        for i = 1, na do
            if shas(b, ta[i]) then sadd(r, ta[i]) end
        end
    elseif op == "-" then
        local ta, na = set_members(a)
        for i = 1, na do
            if not shas(b, ta[i]) then sadd(r, ta[i]) end
        end
    elseif op == "^" then
        local ta, na = set_members(a)
        for i = 1, na do
            if not shas(b, ta[i]) then sadd(r, ta[i]) end
        end
        local tb, nb = set_members(b)
        for i = 1, nb do
            if not shas(a, tb[i]) then sadd(r, tb[i]) end
        end
    end
    r.frozen = a.frozen
    r.approx = true
    return r
end
R.set_difference = function(a, b) return R.setop("-", a, b) end

-- Sets and the set-like dict views (keys, items) as sets, else nil.
function R.asset(v)
    local mt = getmetatable(v)
    if mt == SET_MT then return v end
    if mt == VIEW_MT and v.which ~= 2 then
        local s = newset()
        for x in R.dict_iter(v.d, v.which) do sadd(s, x) end
        return s
    end
    return nil
end

local function toset(it)
    if getmetatable(it) == SET_MT then return it end
    local s = newset()
    for v in ITER(it) do sadd(s, v) end
    return s
end

local SM = {}
METHODS.set = SM
SM.add = function(s, x) sadd(s, x); return NONE end
SM.remove = function(s, x)
    if not sdel(s, x) then
        error(R.mkexc("KeyError", mktuple({x}, 1)), 0)
    end
    return NONE
end
SM.discard = function(s, x) sdel(s, x); return NONE end
SM.pop = function(s)
    local t, n = R.set_order(s)
    if n == 0 then throw("KeyError", "'pop from an empty set'") end
    sdel(s, t[1])
    return t[1]
end
SM.clear = function(s)
    s.k, s.ix, s.n, s.len, s.fill, s.size = {}, {}, 0, 0, 0, 8
    return NONE
end
SM.copy = function(s) return R.setop("|", s, newset()) end
SM.union = function(s, ...)
    local r = s
    for i = 1, select("#", ...) do
        r = R.setop("|", r, toset((select(i, ...))))
    end
    if r == s then r = SM.copy(s) end
    return r
end
SM.intersection = function(s, ...)
    local r = s
    for i = 1, select("#", ...) do
        r = R.setop("&", r, toset((select(i, ...))))
    end
    if r == s then r = SM.copy(s) end
    return r
end
SM.difference = function(s, ...)
    local r = s
    for i = 1, select("#", ...) do
        r = R.setop("-", r, toset((select(i, ...))))
    end
    if r == s then r = SM.copy(s) end
    return r
end
SM.symmetric_difference = function(s, o)
    return R.setop("^", s, toset(o))
end
SM.update = function(s, ...)
    for i = 1, select("#", ...) do
        local src = (select(i, ...))
        local mt = getmetatable(src)
        for v in R.iter_unordered(src) do sadd(s, v) end
        if mt == SET_MT or mt == DICT_MT or mt == VIEW_MT then
            s.approx = true
        end
    end
    return NONE
end
SM.issubset = function(s, o)
    o = toset(o)
    local t, n = set_members(s)
    for i = 1, n do
        if not shas(o, t[i]) then return false end
    end
    return true
end
SM.issuperset = function(s, o)
    return SM.issubset(toset(o), s)
end
SM.isdisjoint = function(s, o)
    o = toset(o)
    local t, n = set_members(s)
    for i = 1, n do
        if shas(o, t[i]) then return false end
    end
    return true
end

-- ---------------------------------------------------------------------
-- str methods

local SMT = {}
METHODS.str = SMT

local function isascii(s) return not sfind(s, "[\128-\255]") end
local function need_ascii(s, what)
    if not isascii(s) then refuse(what .. " on non-ASCII text") end
end

local function check_str(v, fname)
    if type(v) ~= "string" then
        throw("TypeError", "must be str, not " .. typename(v))
    end
    return v
end

SMT.upper = function(s) need_ascii(s, "str.upper"); return supper(s) end
SMT.lower = function(s) need_ascii(s, "str.lower"); return slower(s) end
SMT.casefold = SMT.lower
SMT.swapcase = function(s)
    need_ascii(s, "str.swapcase")
    return (sgsub(s, "%a", function(c)
        local u = supper(c)
        return u == c and slower(c) or u
    end))
end
SMT.capitalize = function(s)
    need_ascii(s, "str.capitalize")
    return supper(ssub(s, 1, 1)) .. slower(ssub(s, 2))
end
SMT.title = function(s)
    need_ascii(s, "str.title")
    local out = sgsub(slower(s), "()(%a)", function(pos, c)
        local prev = pos > 1 and ssub(s, pos - 1, pos - 1) or ""
        if prev == "" or not sfind(prev, "%a") then return supper(c) end
        return c
    end)
    return out
end

local WS = " \t\n\r\v\f"
local function strip_set(chars)
    if chars == nil or chars == NONE then return WS end
    check_str(chars)
    need_ascii(chars, "str.strip with these characters")
    return chars
end
local function in_set(c, set) return sfind(set, c, 1, true) ~= nil end

SMT.strip = function(s, chars)
    local set = strip_set(chars)
    local i, j = 1, #s
    while i <= j and in_set(ssub(s, i, i), set) do i = i + 1 end
    while j >= i and in_set(ssub(s, j, j), set) do j = j - 1 end
    return ssub(s, i, j)
end
SMT.lstrip = function(s, chars)
    local set = strip_set(chars)
    local i = 1
    while i <= #s and in_set(ssub(s, i, i), set) do i = i + 1 end
    return ssub(s, i)
end
SMT.rstrip = function(s, chars)
    local set = strip_set(chars)
    local j = #s
    while j >= 1 and in_set(ssub(s, j, j), set) do j = j - 1 end
    return ssub(s, 1, j)
end

local function split_ws(s, maxsplit)
    local out, n = {}, 0
    local i, len = 1, #s
    while true do
        while i <= len and in_set(ssub(s, i, i), WS) do i = i + 1 end
        if i > len then break end
        if maxsplit >= 0 and n == maxsplit then
            local rest = ssub(s, i)
            rest = sgsub(rest, "[ \t\n\r\v\f]+$", "")
            n = n + 1
            out[n] = rest
            break
        end
        local j = i
        while j <= len and not in_set(ssub(s, j, j), WS) do j = j + 1 end
        n = n + 1
        out[n] = ssub(s, i, j - 1)
        i = j
    end
    return mklist(out, n)
end

SMT.split = function(s, ...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    local sep, maxsplit = ...
    if kw then
        if kw.sep ~= nil then sep = kw.sep end
        if kw.maxsplit ~= nil then maxsplit = kw.maxsplit end
    end
    maxsplit = (maxsplit == nil) and -1 or R.index(maxsplit)
    if sep == nil or sep == NONE then
        if not isascii(s) and sfind(s, "\194[\133\160]") then
            refuse("str.split on unicode whitespace")
        end
        return split_ws(s, maxsplit)
    end
    check_str(sep)
    if sep == "" then throw("ValueError", "empty separator") end
    local out, c = {}, 0
    local i = 1
    while true do
        if maxsplit >= 0 and c == maxsplit then break end
        local a, b = sfind(s, sep, i, true)
        if not a then break end
        c = c + 1
        out[c] = ssub(s, i, a - 1)
        i = b + 1
    end
    c = c + 1
    out[c] = ssub(s, i)
    return mklist(out, c)
end

SMT.rsplit = function(s, ...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    local sep, maxsplit = ...
    if kw then
        if kw.sep ~= nil then sep = kw.sep end
        if kw.maxsplit ~= nil then maxsplit = kw.maxsplit end
    end
    maxsplit = (maxsplit == nil) and -1 or R.index(maxsplit)
    if maxsplit < 0 then return SMT.split(s, sep) end
    if sep == nil or sep == NONE then
        refuse("str.rsplit without a separator and with maxsplit")
    end
    -- split from the right: reverse search
    local parts, c = {}, 0
    local j = #s
    while c < maxsplit do
        local found
        for k = j - #sep + 1, 1, -1 do
            if ssub(s, k, k + #sep - 1) == sep then
                found = k
                break
            end
        end
        if not found then break end
        c = c + 1
        parts[c] = ssub(s, found + #sep, j)
        j = found - 1
    end
    local out = {ssub(s, 1, j)}
    for k = c, 1, -1 do out[#out + 1] = parts[k] end
    return mklist(out, #out)
end

SMT.splitlines = function(s, keep)
    keep = keep ~= nil and TRUTH(keep)
    local out, n = {}, 0
    local i, len = 1, #s
    while i <= len do
        local a, b = sfind(s, "\r?\n", i)
        local r = sfind(s, "\r", i, true)
        if r and (not a or r < a) and ssub(s, r + 1, r + 1) ~= "\n" then
            a, b = r, r
        end
        if not a then
            n = n + 1
            out[n] = ssub(s, i)
            break
        end
        n = n + 1
        out[n] = keep and ssub(s, i, b) or ssub(s, i, a - 1)
        i = b + 1
    end
    return mklist(out, n)
end

SMT.join = function(s, it)
    local t, n = toarray(it)
    for i = 1, n do
        if type(t[i]) ~= "string" then
            throw("TypeError", "sequence item " .. (i - 1) ..
                  ": expected str instance, " .. typename(t[i]) ..
                  " found")
        end
    end
    return concat(t, s, 1, n)
end

SMT.replace = function(s, old, new, count)
    check_str(old)
    check_str(new)
    count = count == nil and -1 or R.index(count)
    if old == "" then
        if not isascii(s) then refuse("str.replace('') on non-ASCII text") end
        local parts, c = {new}, 0
        for i = 1, #s do
            if count >= 0 and c >= count then
                parts[#parts + 1] = ssub(s, i)
                return concat(parts)
            end
            parts[#parts + 1] = ssub(s, i, i)
            c = c + 1
            if count < 0 or c < count then parts[#parts + 1] = new end
        end
        return concat(parts)
    end
    local out, i, c = {}, 1, 0
    while count < 0 or c < count do
        local a, b = sfind(s, old, i, true)
        if not a then break end
        out[#out + 1] = ssub(s, i, a - 1)
        out[#out + 1] = new
        i = b + 1
        c = c + 1
    end
    out[#out + 1] = ssub(s, i)
    return concat(out)
end

local function char_to_byte_range(s, start, stop)
    -- start/stop are code point indices (Python) -> byte positions
    need_ascii(s, "str.find with start/end")
    local n = #s
    start = start and start ~= NONE and R.index(start) or 0
    stop = stop and stop ~= NONE and R.index(stop) or n
    if start < 0 then start = start + n; if start < 0 then start = 0 end end
    if stop < 0 then stop = stop + n; if stop < 0 then stop = 0 end end
    if stop > n then stop = n end
    return start, stop
end

local function cp_index(s, bytepos)
    -- byte position (1-based) -> code point index (0-based)
    if isascii(s) then return bytepos - 1 end
    return ulen(s, 1, bytepos - 1) or 0
end

SMT.find = function(s, sub, a, b)
    check_str(sub)
    if a == nil and b == nil then
        local p = sfind(s, sub, 1, true)
        return p and cp_index(s, p) or -1
    end
    local start, stop = char_to_byte_range(s, a, b)
    if start > stop then return -1 end
    local p = sfind(ssub(s, 1, stop), sub, start + 1, true)
    return p and p - 1 or -1
end
SMT.rfind = function(s, sub, a, b)
    check_str(sub)
    local start, stop = 0, #s
    if a ~= nil or b ~= nil then start, stop = char_to_byte_range(s, a, b) end
    local hay = ssub(s, 1, stop)
    local best = -1
    local i = start + 1
    while true do
        local p = sfind(hay, sub, i, true)
        if not p then break end
        best = p
        i = p + 1
        if sub == "" and p > #hay then break end
    end
    if best < 0 then return -1 end
    return cp_index(s, best)
end
SMT.index = function(s, sub, a, b)
    local r = SMT.find(s, sub, a, b)
    if r < 0 then throw("ValueError", "substring not found") end
    return r
end
SMT.rindex = function(s, sub, a, b)
    local r = SMT.rfind(s, sub, a, b)
    if r < 0 then throw("ValueError", "substring not found") end
    return r
end
SMT.count = function(s, sub, a, b)
    check_str(sub)
    if a ~= nil or b ~= nil then
        local start, stop = char_to_byte_range(s, a, b)
        s = ssub(s, start + 1, stop)
    end
    if sub == "" then return R.LEN(s) + 1 end
    local c, i = 0, 1
    while true do
        local p, q = sfind(s, sub, i, true)
        if not p then return c end
        c = c + 1
        i = q + 1
    end
end

local function affix(fname, f)
    return function(s, x, a, b)
        if a ~= nil or b ~= nil then
            local start, stop = char_to_byte_range(s, a, b)
            s = ssub(s, start + 1, stop)
        end
        if getmetatable(x) == TUPLE_MT then
            for i = 1, x.n do
                if type(x[i]) ~= "string" then
                    throw("TypeError", "tuple for " .. fname .. " must " ..
                          "only contain str, not " .. typename(x[i]))
                end
                if f(s, x[i]) then return true end
            end
            return false
        end
        if type(x) ~= "string" then
            throw("TypeError", fname .. " first arg must be str or a " ..
                  "tuple of str, not " .. typename(x))
        end
        return f(s, x)
    end
end
SMT.startswith = affix("startswith", function(s, p)
    return ssub(s, 1, #p) == p
end)
SMT.endswith = affix("endswith", function(s, p)
    return p == "" or ssub(s, -#p) == p
end)

local function all_match(s, pat)
    if s == "" then return false end
    need_ascii(s, "str.is* methods")
    return not sfind(s, pat)
end
SMT.isdigit = function(s) return all_match(s, "[^%d]") end
SMT.isnumeric = SMT.isdigit
SMT.isdecimal = SMT.isdigit
SMT.isalpha = function(s) return all_match(s, "[^%a]") end
SMT.isalnum = function(s) return all_match(s, "[^%w]") end
SMT.isspace = function(s) return all_match(s, "[^ \t\n\r\v\f]") end
SMT.isupper = function(s)
    need_ascii(s, "str.isupper")
    return sfind(s, "%u") ~= nil and not sfind(s, "%l")
end
SMT.islower = function(s)
    need_ascii(s, "str.islower")
    return sfind(s, "%l") ~= nil and not sfind(s, "%u")
end
SMT.isidentifier = function(s)
    need_ascii(s, "str.isidentifier")
    return sfind(s, "^[%a_][%w_]*$") ~= nil
end
SMT.istitle = function(s)
    need_ascii(s, "str.istitle")
    return sfind(s, "%a") ~= nil and SMT.title(s) == s
end

local function pad(s, width, fillc, how)
    width = R.index(width)
    fillc = fillc or " "
    if type(fillc) ~= "string" or R.LEN(fillc) ~= 1 then
        throw("TypeError", "The fill character must be exactly one " ..
              "character long")
    end
    local n = R.LEN(s)
    if width <= n then return s end
    local total = width - n
    if how == "l" then return s .. srep(fillc, total) end
    if how == "r" then return srep(fillc, total) .. s end
    -- CPython's center: left = total//2 + (total & width & 1)
    local left = total // 2 + (total & width & 1)
    return srep(fillc, left) .. s .. srep(fillc, total - left)
end
SMT.ljust = function(s, w, f) return pad(s, w, f, "l") end
SMT.rjust = function(s, w, f) return pad(s, w, f, "r") end
SMT.center = function(s, w, f) return pad(s, w, f, "c") end
SMT.zfill = function(s, w)
    w = R.index(w)
    local n = R.LEN(s)
    if w <= n then return s end
    local sign = ssub(s, 1, 1)
    if sign == "+" or sign == "-" then
        return sign .. srep("0", w - n) .. ssub(s, 2)
    end
    return srep("0", w - n) .. s
end
SMT.partition = function(s, sep)
    check_str(sep)
    if sep == "" then throw("ValueError", "empty separator") end
    local a, b = sfind(s, sep, 1, true)
    if not a then return mktuple({s, "", ""}, 3) end
    return mktuple({ssub(s, 1, a - 1), sep, ssub(s, b + 1)}, 3)
end
SMT.rpartition = function(s, sep)
    check_str(sep)
    if sep == "" then throw("ValueError", "empty separator") end
    local p = SMT.rfind(s, sep)
    if p < 0 then return mktuple({"", "", s}, 3) end
    need_ascii(s, "str.rpartition")
    return mktuple({ssub(s, 1, p), sep, ssub(s, p + #sep + 1)}, 3)
end
SMT.removeprefix = function(s, p)
    if ssub(s, 1, #p) == p then return ssub(s, #p + 1) end
    return s
end
SMT.removesuffix = function(s, p)
    if p ~= "" and ssub(s, -#p) == p then return ssub(s, 1, #s - #p) end
    return s
end
SMT.encode = function() refuse("bytes (str.encode)") end
SMT.format = function(s, ...) return R.str_format(s, ...) end
SMT.expandtabs = function(s, ts)
    ts = ts and R.index(ts) or 8
    need_ascii(s, "str.expandtabs")
    local out, col = {}, 0
    for i = 1, #s do
        local c = ssub(s, i, i)
        if c == "\t" then
            local k = ts > 0 and ts - col % ts or 0
            out[#out + 1] = srep(" ", k)
            col = col + k
        else
            out[#out + 1] = c
            col = (c == "\n" or c == "\r") and 0 or col + 1
        end
    end
    return concat(out)
end

-- int/float methods
METHODS.int = {
    bit_length = function(x)
        if x < 0 then x = -x end
        local n = 0
        while x > 0 do n = n + 1; x = x >> 1 end
        return n
    end,
    is_integer = function() return true end,
    conjugate = function(x) return x end,
}
METHODS.float = {
    is_integer = function(x) return x == floor(x) and x == x and
                     x ~= huge and x ~= -huge end,
    hex = function() refuse("float.hex") end,
    as_integer_ratio = function() refuse("float.as_integer_ratio") end,
    conjugate = function(x) return x end,
}

-- ---------------------------------------------------------------------
-- format specs: format(value, spec), f-strings, str.format

local function parse_spec(spec)
    -- [[fill]align][sign][z][#][0][width][grouping][.precision][type]
    local p = {fill = nil, align = nil, sign = "-", alt = false,
               zero = false, width = nil, group = nil, prec = nil,
               type = nil}
    local i = 1
    local function at(k) return ssub(spec, k, k) end
    local c1 = ulen(spec) and spec or refuse("format specs that are not UTF-8")
    -- the fill may be any character (UTF-8 aware)
    local first_len = 1
    local b = sbyte(spec, 1)
    if b and b >= 0xC0 then
        first_len = b >= 0xF0 and 4 or b >= 0xE0 and 3 or 2
    end
    local second = ssub(spec, first_len + 1, first_len + 1)
    if second ~= "" and sfind("<>=^", second, 1, true) then
        p.fill = ssub(spec, 1, first_len)
        p.align = second
        i = first_len + 2
    elseif at(1) ~= "" and sfind("<>=^", at(1), 1, true) then
        p.align = at(1)
        i = 2
    end
    if at(i) ~= "" and sfind("+- ", at(i), 1, true) then
        p.sign = at(i)
        i = i + 1
    end
    if at(i) == "z" then
        refuse("the 'z' format option")
    end
    if at(i) == "#" then
        p.alt = true
        i = i + 1
    end
    if at(i) == "0" then
        p.zero = true
        i = i + 1
    end
    local w = smatch(spec, "^%d+", i)
    if w then
        p.width = tonumber(w)
        i = i + #w
    end
    if at(i) == "," or at(i) == "_" then
        p.group = at(i)
        i = i + 1
    end
    if at(i) == "." then
        local pr = smatch(spec, "^%d+", i + 1)
        if not pr then
            throw("ValueError", "Format specifier missing precision")
        end
        p.prec = tonumber(pr)
        i = i + 1 + #pr
    end
    if i <= #spec then
        p.type = ssub(spec, i, i)
        if i < #spec then
            throw("ValueError", "Invalid format specifier '" .. spec ..
                  "' for object of type '%s'")
        end
    end
    return p
end

local function group_digits(int, sep, every)
    local out = int
    local k
    repeat
        out, k = sgsub(out, "^(%d+)(%d%d%d)", "%1" .. sep .. "%2")
    until k == 0
    return out
end

local function apply_group(body, p)
    if not p.group then return body end
    local int, rest = smatch(body, "^(%d+)(.*)$")
    if not int then return body end
    return group_digits(int, p.group) .. rest
end

local function align(s, p, default_align, signlen)
    local width = p.width
    if not width then return s end
    local n = ulen(s) or #s
    if n >= width then return s end
    local fillc = p.fill or " "
    local al = p.align or default_align
    if p.zero and not p.align then
        fillc = p.fill or "0"
        al = "="
    end
    local total = width - n
    if al == "<" then return s .. srep(fillc, total) end
    if al == ">" then return srep(fillc, total) .. s end
    if al == "^" then
        local left = total // 2
        return srep(fillc, left) .. s .. srep(fillc, total - left)
    end
    -- '=': padding after the sign
    return ssub(s, 1, signlen) .. srep(fillc, total) .. ssub(s, signlen + 1)
end

local function sign_prefix(neg, p)
    if neg then return "-" end
    if p.sign == "+" then return "+" end
    if p.sign == " " then return " " end
    return ""
end

local function fmt_int(v, p, tname)
    local t = p.type
    if t == nil or t == "d" or t == "n" then
        if p.prec then
            throw("ValueError", "Precision not allowed in integer format " ..
                  "specifier")
        end
        local neg = v < 0
        local body = neg and tostring(v):sub(2) or tostring(v)
        if p.zero and p.group and p.width and not p.align then
            refuse("zero padding with grouping")
        end
        body = apply_group(body, p)
        local pre = sign_prefix(neg, p)
        return align(pre .. body, p, ">", #pre)
    end
    if t == "x" or t == "X" or t == "o" or t == "b" then
        local neg = v < 0
        local a = neg and -v or v
        local body = t == "b" and R.tobin(a) or sfmt("%" .. t, a)
        if p.group then
            if p.group == "," then
                throw("ValueError", "Cannot specify ',' with '" .. t .. "'.")
            end
            local k
            repeat
                body, k = sgsub(body, "^(%w+)(%w%w%w%w)", "%1_%2")
            until k == 0
        end
        local pre = sign_prefix(neg, p)
        if p.alt then pre = pre .. "0" .. (t == "X" and "X" or t) end
        return align(pre .. body, p, ">", #pre)
    end
    if t == "c" then
        return align(B.chr(v), p, "<", 0)
    end
    if sfind("eEfFgG%", t, 1, true) then
        return R.fmt_float(v * 1.0, p, tname)
    end
    throw("ValueError", "Unknown format code '" .. t ..
          "' for object of type '" .. tname .. "'")
end

function R.fmt_float(v, p, tname)
    local t = p.type
    local neg = v < 0 or (v == 0 and 1 / v < 0)
    local a = neg and -v or v
    local body
    if v ~= v then
        body = (t and sfind("EFG", t, 1, true)) and "NAN" or "nan"
        neg = false
        if t == "%" then body = body .. "%" end
    elseif a == huge then
        body = (t and sfind("EFG", t, 1, true)) and "INF" or "inf"
        if t == "%" then body = body .. "%" end
    elseif t == "f" or t == "F" then
        body = sfmt("%" .. (p.alt and "#" or "") .. "." .. (p.prec or 6) ..
                    "f", a)
    elseif t == "e" or t == "E" then
        body = sfmt("%" .. (p.alt and "#" or "") .. "." .. (p.prec or 6) ..
                    t, a)
    elseif t == "%" then
        body = sfmt("%" .. (p.alt and "#" or "") .. "." .. (p.prec or 6) ..
                    "f", a * 100) .. "%"
    elseif t == "g" or t == "G" or t == "n" then
        local prec = p.prec or 6
        if prec == 0 then prec = 1 end
        body = sfmt("%" .. (p.alt and "#" or "") .. "." .. prec ..
                    (t == "G" and "G" or "g"), a)
    elseif t == nil then
        if p.prec then
            local prec = p.prec == 0 and 1 or p.prec
            body = sfmt("%." .. prec .. "g", a)
            if not sfind(body, "[.e]") then
                -- like 'g' but keeps a ".0" when fixed-point is integral
                local digits = #sgsub(body, "%D", "")
                if digits < prec or true then body = body .. ".0" end
            end
        else
            body = C.frepr(a)
        end
    else
        throw("ValueError", "Unknown format code '" .. t ..
              "' for object of type '" .. tname .. "'")
    end
    body = apply_group(body, p)
    local pre = sign_prefix(neg, p)
    return align(pre .. body, p, ">", #pre)
end

local function fmt_str(v, p)
    if p.type and p.type ~= "s" then
        throw("ValueError", "Unknown format code '" .. p.type ..
              "' for object of type 'str'")
    end
    if p.sign ~= "-" then
        throw("ValueError", "Sign not allowed in string format specifier")
    end
    if p.group then
        throw("ValueError", "Cannot specify '" .. p.group .. "' with 's'.")
    end
    if p.align == "=" then
        throw("ValueError", "'=' alignment not allowed in string format " ..
              "specifier")
    end
    local s = v
    if p.prec then
        if isascii(s) then
            s = ssub(s, 1, p.prec)
        else
            local t, n = R.str_chars(s)
            s = concat(t, "", 1, math.min(n, p.prec))
        end
    end
    if p.zero and not p.align then
        p.align = "<"
        p.fill = p.fill or "0"
    end
    return align(s, p, "<", 0)
end

function R.FMT(v, spec)
    if spec == "" then
        if type(v) == "string" then return v end
        if R.isobj(v) then
            local f = R.OBJ.lookup(R.OBJ.objclass(v), "__format__")
            if f then return f(v, spec) end
        end
        if isnd(v) then return nd().format(v, "") end
        return STR(v)
    end
    local p = parse_spec(spec)
    local tv = type(v)
    if mtype(v) == "integer" then return fmt_int(v, p, "int") end
    if mtype(v) == "float" then return R.fmt_float(v, p, "float") end
    if tv == "boolean" then
        if p.type == nil and not p.prec then
            return fmt_str(v and "True" or "False", p)
        end
        return fmt_int(v and 1 or 0, p, "bool")
    end
    if tv == "string" then return fmt_str(v, p) end
    if isnd(v) then return nd().format(v, spec) end
    if R.isobj(v) then
        local f = R.OBJ.lookup(R.OBJ.objclass(v), "__format__")
        if f then return f(v, spec) end
    end
    throw("TypeError", "unsupported format string passed to " ..
          typename(v) .. ".__format__")
end

-- str.format: "{}", "{0}", "{name}", "{0[1]}", "{x.attr}", !r, :spec
function R.str_format(s, ...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    local args = {...}
    local auto = 0
    local manual = false
    local function lookup(field)
        local head, rest = smatch(field, "^([^.%[]*)(.*)$")
        local v
        if head == "" then
            if manual then
                throw("ValueError", "cannot switch from manual field " ..
                      "specification to automatic field numbering")
            end
            auto = auto + 1
            if auto > n then
                throw("IndexError", "Replacement index " .. (auto - 1) ..
                      " out of range for positional args tuple")
            end
            v = args[auto]
        elseif sfind(head, "^%d+$") then
            manual = true
            local i = tonumber(head)
            if i >= n then
                throw("IndexError", "Replacement index " .. i ..
                      " out of range for positional args tuple")
            end
            v = args[i + 1]
        else
            v = kw and kw[head]
            if v == nil then
                error(R.mkexc("KeyError", mktuple({head}, 1)), 0)
            end
        end
        while rest ~= "" do
            local attr, r2 = smatch(rest, "^%.([%w_]+)(.*)$")
            if attr then
                v = R.GA(v, attr)
                rest = r2
            else
                local key, r3 = smatch(rest, "^%[([^%]]*)%](.*)$")
                if not key then
                    throw("ValueError", "Only '.' or '[' may follow ']' " ..
                          "in format field specifier")
                end
                if sfind(key, "^%d+$") then key = tonumber(key) end
                v = R.GI(v, key)
                rest = r3
            end
        end
        return v
    end
    local out = {}
    local i, len = 1, #s
    local function field_at(pos)
        -- returns the replacement text and the position after '}'
        local depth, j = 1, pos
        while j <= len do
            local c = ssub(s, j, j)
            if c == "{" then depth = depth + 1
            elseif c == "}" then
                depth = depth - 1
                if depth == 0 then break end
            end
            j = j + 1
        end
        if j > len then
            throw("ValueError", "expected '}' before end of string")
        end
        local body = ssub(s, pos, j - 1)
        local name, conv, spec = smatch(body, "^([^!:]*)!?([^:]*):?(.*)$")
        local v = lookup(name)
        if conv == "r" then v = REPR(v)
        elseif conv == "s" then v = STR(v)
        elseif conv == "a" then v = R.ASCII(v)
        elseif conv ~= "" then
            throw("ValueError", "Unknown conversion specifier " .. conv)
        end
        if sfind(spec, "{", 1, true) then
            spec = R.str_format_nested(spec, lookup)
        end
        return R.FMT(v, spec), j + 1
    end
    while i <= len do
        local c = ssub(s, i, i)
        if c == "{" then
            if ssub(s, i + 1, i + 1) == "{" then
                out[#out + 1] = "{"
                i = i + 2
            else
                local text, ni = field_at(i + 1)
                out[#out + 1] = text
                i = ni
            end
        elseif c == "}" then
            if ssub(s, i + 1, i + 1) == "}" then
                out[#out + 1] = "}"
                i = i + 2
            else
                throw("ValueError", "Single '}' encountered in format string")
            end
        else
            local j = sfind(s, "[{}]", i) or len + 1
            out[#out + 1] = ssub(s, i, j - 1)
            i = j
        end
    end
    return concat(out)
end

function R.str_format_nested(spec, lookup)
    return (sgsub(spec, "{([^{}]*)}", function(name)
        return STR(lookup(name))
    end))
end

-- printf-style: "%d items" % n
function R.percent_format(s, args)
    local vals, nv
    if getmetatable(args) == TUPLE_MT then
        vals, nv = args, args.n
    elseif getmetatable(args) == DICT_MT then
        refuse("%-formatting with a mapping")
    else
        vals, nv = {args}, 1
    end
    local k = 0
    local out = sgsub(s, "%%([-+ #0]*)(%*?%d*)%.?(%d*)([diouxXeEfFgGcrsa%%])",
        function(flags, width, prec, conv)
            if conv == "%" then return "%" end
            k = k + 1
            if k > nv then
                throw("TypeError", "not enough arguments for format string")
            end
            local v = vals[k]
            local spec = ""
            local p = {sign = "-", zero = false}
            if sfind(flags, "-", 1, true) then p.align = "<" end
            if sfind(flags, "+", 1, true) then p.sign = "+"
            elseif sfind(flags, " ", 1, true) then p.sign = " " end
            if sfind(flags, "0", 1, true) and not p.align then
                p.zero = true
            end
            if sfind(width, "*", 1, true) then refuse("'*' widths") end
            if width ~= "" then p.width = tonumber(width) end
            if prec ~= "" then p.prec = tonumber(prec) end
            if conv == "s" or conv == "r" or conv == "a" then
                local str = conv == "s" and STR(v) or REPR(v)
                if p.prec then str = ssub(str, 1, p.prec) end
                p.prec = nil
                p.type = nil
                p.zero = false
                if not p.align then p.align = ">" end
                return align(str, p, ">", 0)
            end
            if conv == "c" then
                return align(type(v) == "string" and v or B.chr(v), p, ">",
                             0)
            end
            if type(v) == "boolean" then v = v and 1 or 0 end
            if isnd(v) then v = nd().item(v) end
            if not mtype(v) then
                throw("TypeError", "%" .. conv .. " format: a real number " ..
                      "is required, not " .. typename(v))
            end
            if conv == "d" or conv == "i" or conv == "u" then
                if mtype(v) == "float" then v = float_to_int(v) end
                p.type = "d"
                local pr = p.prec
                p.prec = nil
                if pr then refuse("%d with a precision") end
                return fmt_int(v, p, "int")
            end
            if conv == "x" or conv == "X" or conv == "o" then
                if mtype(v) ~= "integer" then
                    throw("TypeError", "%" .. conv .. " format: an integer " ..
                          "is required, not " .. typename(v))
                end
                p.type = conv
                return fmt_int(v, p, "int")
            end
            p.type = conv
            if not p.prec then p.prec = 6 end
            return R.fmt_float(v * 1.0, p, "float")
        end)
    if k < nv then
        throw("TypeError", "not all arguments converted during string " ..
              "formatting")
    end
    return out
end

-- ---------------------------------------------------------------------
-- math and time

local function mabs_(x) return x < 0 and -x or (x == 0 and 0.0 or x) end

R.LOADERS.math = function()
    local m = {}
    local function num(x, fname)
        if mtype(x) then return x end
        if type(x) == "boolean" then return x and 1 or 0 end
        if isnd(x) then
            local v = nd().item(x)
            if mtype(v) then return v end
        end
        throw("TypeError", "must be real number, not " .. typename(x))
    end
    local function domain() throw("ValueError", "math domain error") end
    local function f1(name, f, check)
        m[name] = function(x)
            x = num(x) * 1.0
            if check and not check(x) then domain() end
            return f(x)
        end
    end
    m.pi, m.e, m.tau = math.pi, math.exp(1), 2 * math.pi
    m.inf, m.nan = huge, 0.0 / 0.0
    f1("sqrt", math.sqrt, function(x) return x >= 0 or x ~= x end)
    f1("exp", function(x)
        local r = math.exp(x)
        if r == huge and x ~= huge then
            throw("OverflowError", "math range error")
        end
        return r
    end)
    m.log = function(x, base)
        x = num(x)
        if x <= 0 then domain() end
        if base == nil then return math.log(x * 1.0) end
        base = num(base)
        if base <= 0 then domain() end
        local d = math.log(base * 1.0)
        if d == 0 then
            throw("ZeroDivisionError", "float division by zero")
        end
        return math.log(x * 1.0) / d
    end
    f1("log10", function(x) return math.log(x, 10) end,
       function(x) return x > 0 end)
    f1("log2", function(x) return math.log(x, 2) end,
       function(x) return x > 0 end)
    f1("sin", math.sin); f1("cos", math.cos); f1("tan", math.tan)
    f1("asin", math.asin, function(x) return x >= -1 and x <= 1 end)
    f1("acos", math.acos, function(x) return x >= -1 and x <= 1 end)
    f1("atan", math.atan)
    f1("fabs", math.abs)
    f1("degrees", function(x) return x * (180.0 / math.pi) end)
    f1("radians", function(x) return x * (math.pi / 180.0) end)
    f1("sinh", C.sinh); f1("cosh", C.cosh); f1("tanh", C.tanh)
    m.atan2 = function(y, x) return math.atan(num(y) * 1.0, num(x) * 1.0) end
    m.hypot = function(...)
        local n = select("#", ...)
        if n == 2 then
            return C.hypot(num((...)) * 1.0, num((select(2, ...))) * 1.0)
        end
        refuse("math.hypot with other than two arguments")
    end
    m.pow = function(x, y)
        x, y = num(x) * 1.0, num(y) * 1.0
        if x == 0 and y < 0 then domain() end
        if x < 0 and y ~= floor(y) then domain() end
        return x ^ y
    end
    m.floor = function(x)
        x = num(x)
        if mtype(x) == "integer" then return x end
        return float_to_int(floor(x))
    end
    m.ceil = function(x)
        x = num(x)
        if mtype(x) == "integer" then return x end
        return float_to_int(math.ceil(x))
    end
    m.trunc = function(x)
        x = num(x)
        if mtype(x) == "integer" then return x end
        return float_to_int(x)
    end
    m.isnan = function(x) x = num(x); return x ~= x end
    m.isinf = function(x) x = num(x); return x == huge or x == -huge end
    m.isfinite = function(x)
        x = num(x)
        return x == x and x ~= huge and x ~= -huge
    end
    m.copysign = function(x, y)
        x, y = mabs_(num(x) * 1.0), num(y) * 1.0
        if y < 0 or (y == 0 and 1 / y < 0) then return -x end
        return x
    end
    m.fmod = function(x, y)
        x, y = num(x) * 1.0, num(y) * 1.0
        if y == 0 then domain() end
        return math.fmod(x, y)
    end
    m.factorial = function(n)
        if mtype(n) ~= "integer" then
            if type(n) == "boolean" then n = n and 1 or 0
            else
                throw("TypeError", "'" .. typename(n) .. "' object cannot " ..
                      "be interpreted as an integer")
            end
        end
        if n < 0 then
            throw("ValueError", "factorial() not defined for negative values")
        end
        local r = 1
        for i = 2, n do r = R.MUL(r, i) end
        return r
    end
    local function gcd(a, b)
        a, b = math.abs(a), math.abs(b)
        while b ~= 0 do a, b = b, a % b end
        return a
    end
    m.gcd = function(...)
        local r = 0
        for i = 1, select("#", ...) do r = gcd(r, R.index((select(i, ...))))
        end
        return r
    end
    m.lcm = function(a, b)
        a, b = R.index(a), R.index(b)
        if a == 0 or b == 0 then return 0 end
        return math.abs(R.MUL(a // gcd(a, b), b))
    end
    m.comb = function(n, k)
        n, k = R.index(n), R.index(k)
        if n < 0 or k < 0 then
            throw("ValueError", (n < 0 and "n" or "k") ..
                  " must be a non-negative integer")
        end
        if k > n then return 0 end
        if k > n - k then k = n - k end
        local r = 1
        for i = 1, k do
            r = R.MUL(r, n - k + i) // i
        end
        return r
    end
    m.perm = function(n, k)
        n = R.index(n)
        k = k == nil and n or R.index(k)
        if k > n then return 0 end
        local r = 1
        for i = n - k + 1, n do r = R.MUL(r, i) end
        return r
    end
    m.isclose = function(a, b, ...)
        local kw = getkw(select("#", ...), ...)
        local rt, at = 1e-09, 0.0
        if kw then
            rt = kw.rel_tol or rt
            at = kw.abs_tol or at
        end
        a, b = num(a) * 1.0, num(b) * 1.0
        if a == b then return true end
        if a == huge or a == -huge or b == huge or b == -huge then
            return false
        end
        local d = math.abs(b - a)
        return d <= math.abs(rt * b) or d <= math.abs(rt * a) or d <= at
    end
    m.prod = function(it, ...)
        local kw = getkw(select("#", ...), ...)
        local acc = kw and kw.start or 1
        for v in ITER(it) do acc = R.MUL(acc, v) end
        return acc
    end
    m.fsum = function() refuse("math.fsum") end
    m.modf = function(x)
        x = num(x) * 1.0
        local i = x >= 0 and floor(x) or -floor(-x)
        return mktuple({x - i, i * 1.0}, 2)
    end
    return R.mkmodule("math", m)
end

R.LOADERS.functools = function()
    local f = {}
    -- wraps(wrapped)(wrapper): copy name, doc and attributes
    f.wraps = function(wrapped, ...)
        if select("#", ...) > 0 then refuse("functools.wraps arguments") end
        return function(wrapper)
            local wi, di = INFO[wrapper], INFO[wrapped]
            if not wi or not di then
                refuse("functools.wraps of builtin functions")
            end
            wi.name, wi.doc, wi.wrapped = di.name, di.doc, wrapped
            if di.attrs then
                wi.attrs = wi.attrs or {}
                for k, v in pairs(di.attrs) do wi.attrs[k] = v end
            end
            return wrapper
        end
    end
    f.reduce = function(fn, it, init)
        local g = ITER(it)
        local acc = init
        if acc == nil then
            acc = g()
            if acc == nil then
                throw("TypeError", "reduce() of empty iterable with no " ..
                      "initial value")
            end
        end
        for v in g do acc = fn(acc, v) end
        return acc
    end
    f.partial = function(fn, ...)
        local n = select("#", ...)
        if getkw(n, ...) then refuse("functools.partial with keywords") end
        local bound = {...}
        return function(...)
            local args = {}
            for i = 1, n do args[i] = bound[i] end
            local m = select("#", ...)
            for i = 1, m do args[n + i] = (select(i, ...)) end
            if getkw(m, ...) then refuse("keywords to a partial") end
            return fn(unpack(args, 1, n + m))
        end
    end
    -- lru_cache / cache: memoised by positional arguments; a bounded
    -- cache that would evict is refused (evictions change side effects)
    local function memo(fn, maxsize)
        local cache = {}
        local size = 0
        local info = INFO[fn]
        local w = function(...)
            local n = select("#", ...)
            if getkw(n, ...) then refuse("keywords to a cached function") end
            local key = R.hkey(mktuple({...}, n))
            local hit = cache[key]
            if hit ~= nil then return hit end
            local v = fn(...)
            if maxsize and size >= maxsize then
                refuse("functools.lru_cache evicting entries")
            end
            cache[key] = v
            size = size + 1
            return v
        end
        if info then
            R.DEF(w, info.name, 0, 0, 1, info.doc)
            INFO[w].wrapped = fn
        end
        return w
    end
    f.cache = function(fn) return memo(fn, nil) end
    f.lru_cache = function(...)
        local n = select("#", ...)
        local kw
        kw, n = getkw(n, ...)
        local a = ...
        if n == 1 and type(a) == "function" then return memo(a, 128) end
        local maxsize = 128
        if n >= 1 then maxsize = a end
        if kw and kw.maxsize ~= nil then maxsize = kw.maxsize end
        if kw and kw.typed ~= nil then refuse("lru_cache(typed=...)") end
        if maxsize == NONE then maxsize = nil end
        return function(fn) return memo(fn, maxsize) end
    end
    return R.mkmodule("functools", f)
end

-- ---------------------------------------------------------------------
-- itertools: each iterator is a coroutine-backed generator (R.GEN), so
-- consumption stays lazy and in CPython's order; argument checks and
-- messages follow CPython 3.11 for the common mistakes.
R.LOADERS.itertools = function()
    local it = {}
    local GEN, EQB = R.GEN, R.EQB
    local function gen(kind, body)
        local g = GEN(body)
        g.kind = "itertools." .. kind
        return g
    end
    local function args_kw(fname, allowed, ...)
        local n = select("#", ...)
        local kw
        kw, n = getkw(n, ...)
        kwcheck(fname, kw, allowed)
        return kw or {}, n
    end
    local function idx(v, what)
        if v == nil or v == NONE then return nil end
        if type(v) == "boolean" then v = v and 1 or 0 end
        if mtype(v) ~= "integer" or v < 0 then
            throw("ValueError", what)
        end
        return v
    end
    it.count = function(...)
        local kw, n = args_kw("count", {start = 1, step = 1}, ...)
        local start, step = ...
        if n < 1 then start = kw.start end
        if n < 2 then step = kw.step end
        start = start == nil and 0 or start
        step = step == nil and 1 or step
        return gen("count", function(Y)
            local v = start
            while true do
                Y(v)
                v = R.ADD(v, step)
            end
        end)
    end
    it.cycle = function(src)
        local nx = ITER(src)
        return gen("cycle", function(Y)
            local saved, n = {}, 0
            for v in nx do
                n = n + 1
                saved[n] = v
                Y(v)
            end
            if n == 0 then return end
            while true do
                for i = 1, n do Y(saved[i]) end
            end
        end)
    end
    it["repeat"] = function(...)
        local kw, n = args_kw("repeat", {times = 1}, ...)
        local obj, times = ...
        if n < 2 then times = kw.times end
        if times ~= nil and mtype(times) ~= "integer" then
            throw("TypeError", "'" .. typename(times) .. "' object cannot " ..
                  "be interpreted as an integer")
        end
        return gen("repeat", function(Y)
            if times == nil then
                while true do Y(obj) end
            end
            for _ = 1, times do Y(obj) end
        end)
    end
    local function chain_of(srcs)
        return gen("chain", function(Y)
            for s in srcs do
                for v in ITER(s) do Y(v) end
            end
        end)
    end
    local chain = setmetatable({__name__ = "chain", methods = {}}, TYPE_MT)
    chain.repr = "<class 'itertools.chain'>"
    chain.call = function(...)
        local t, n = {...}, select("#", ...)
        local i = 0
        return chain_of(function()
            i = i + 1
            if i <= n then return t[i] end
            return nil
        end)
    end
    chain.methods.from_iterable = function(srcs)
        return chain_of(ITER(srcs))
    end
    it.chain = chain
    it.islice = function(src, ...)
        local n = select("#", ...)
        local a, b, c = ...
        local start, stop, step
        if n == 1 then
            stop = idx(a, "Stop argument for islice() must be None or an " ..
                       "integer: 0 <= x <= sys.maxsize.")
        elseif n == 2 or n == 3 then
            start = idx(a, "Indices for islice() must be None or an " ..
                        "integer: 0 <= x <= sys.maxsize.")
            stop = idx(b, "Stop argument for islice() must be None or an " ..
                       "integer: 0 <= x <= sys.maxsize.")
            step = idx(c, "Step for islice() must be a positive integer " ..
                       "or None.")
            if step == 0 then
                throw("ValueError", "Step for islice() must be a positive " ..
                      "integer or None.")
            end
        else
            throw("TypeError", "islice expected at most 4 arguments, got " ..
                  (n + 1))
        end
        start, step = start or 0, step or 1
        local nx = ITER(src)
        return gen("islice", function(Y)
            local nexti = start
            if stop and nexti >= stop then
                -- consume up to start
                for _ = 1, math.min(start, stop) do
                    if nx() == nil then return end
                end
                return
            end
            local i = 0
            for v in nx do
                if i == nexti then
                    Y(v)
                    nexti = nexti + step
                    if stop and nexti >= stop then
                        for _ = i + 2, stop do
                            if nx() == nil then return end
                        end
                        return
                    end
                end
                i = i + 1
            end
        end)
    end
    it.accumulate = function(...)
        local kw, n = args_kw("accumulate", {func = 1, initial = 1}, ...)
        local src, fn = ...
        if n < 2 then fn = kw.func end
        if fn == NONE then fn = nil end
        local initial = kw.initial
        if initial == NONE then initial = nil end
        local nx = ITER(src)
        return gen("accumulate", function(Y)
            local acc = initial
            if acc ~= nil then Y(acc) end
            for v in nx do
                if acc == nil then
                    acc = v
                elseif fn then
                    acc = fn(acc, v)
                else
                    acc = R.ADD(acc, v)
                end
                Y(acc)
            end
        end)
    end
    it.groupby = function(...)
        local kw, n = args_kw("groupby", {key = 1}, ...)
        local src, kf = ...
        if n < 2 then kf = kw.key end
        if kf == NONE then kf = nil end
        local nx = ITER(src)
        local started, done, curv, curk, tgtk = false, false
        local version = 0
        local function step()
            local v = nx()
            if v == nil then
                done = true
                return
            end
            curv = v
            curk = kf and kf(v) or v
        end
        return gen("groupby", function(Y)
            while true do
                version = version + 1
                if not started then
                    started = true
                    step()
                else
                    while not done and EQB(curk, tgtk) do step() end
                end
                if done then return end
                tgtk = curk
                local my = version
                local grouper = R.mkiter(function()
                    if my ~= version or done or not EQB(curk, tgtk) then
                        return nil
                    end
                    local r = curv
                    step()
                    return r
                end, "itertools._grouper")
                Y(mktuple({tgtk, grouper}, 2))
            end
        end)
    end
    local function pool_of(src)
        local t, n = toarray(src)
        local p = {}
        for i = 1, n do p[i] = t[i] end
        return p, n
    end
    local function pick(pool, ix, r)
        local t = {}
        for i = 1, r do t[i] = pool[ix[i] + 1] end
        return mktuple(t, r)
    end
    local function getr(v, n, fname)
        if v == nil or v == NONE then return n end
        if mtype(v) ~= "integer" then
            throw("TypeError", "Expected int as r")
        end
        if v < 0 then throw("ValueError", "r must be non-negative") end
        return v
    end
    it.permutations = function(...)
        local kw, n = args_kw("permutations", {r = 1}, ...)
        local src, r = ...
        if n < 2 then r = kw.r end
        local pool, np = pool_of(src)
        r = getr(r, np)
        return gen("permutations", function(Y)
            if r > np then return end
            local ix, cyc = {}, {}
            for i = 1, np do ix[i] = i - 1 end
            for i = 1, r do cyc[i] = np - i + 1 end
            Y(pick(pool, ix, r))
            if np == 0 then return end
            while true do
                local advanced = false
                for i = r, 1, -1 do
                    cyc[i] = cyc[i] - 1
                    if cyc[i] == 0 then
                        local first = ix[i]
                        for k = i, np - 1 do ix[k] = ix[k + 1] end
                        ix[np] = first
                        cyc[i] = np - i + 1
                    else
                        local j = cyc[i]
                        ix[i], ix[np - j + 1] = ix[np - j + 1], ix[i]
                        Y(pick(pool, ix, r))
                        advanced = true
                        break
                    end
                end
                if not advanced then return end
            end
        end)
    end
    it.combinations = function(...)
        local kw, n = args_kw("combinations", {r = 1}, ...)
        local src, r = ...
        if n < 2 then r = kw.r end
        if r == nil then
            throw("TypeError", "combinations() missing required argument " ..
                  "'r' (pos 2)")
        end
        local pool, np = pool_of(src)
        r = getr(r, np)
        return gen("combinations", function(Y)
            if r > np then return end
            local ix = {}
            for i = 1, r do ix[i] = i - 1 end
            Y(pick(pool, ix, r))
            while true do
                local i = r
                while i >= 1 and ix[i] == i - 1 + np - r do i = i - 1 end
                if i < 1 then return end
                ix[i] = ix[i] + 1
                for j = i + 1, r do ix[j] = ix[j - 1] + 1 end
                Y(pick(pool, ix, r))
            end
        end)
    end
    it.combinations_with_replacement = function(...)
        local kw, n = args_kw("combinations_with_replacement", {r = 1}, ...)
        local src, r = ...
        if n < 2 then r = kw.r end
        if r == nil then
            throw("TypeError", "combinations_with_replacement() missing " ..
                  "required argument 'r' (pos 2)")
        end
        local pool, np = pool_of(src)
        r = getr(r, np)
        return gen("combinations_with_replacement", function(Y)
            if np == 0 and r > 0 then return end
            local ix = {}
            for i = 1, r do ix[i] = 0 end
            Y(pick(pool, ix, r))
            while true do
                local i = r
                while i >= 1 and ix[i] == np - 1 do i = i - 1 end
                if i < 1 then return end
                local v = ix[i] + 1
                for j = i, r do ix[j] = v end
                Y(pick(pool, ix, r))
            end
        end)
    end
    it.product = function(...)
        local kw, n = args_kw("product", {["repeat"] = 1}, ...)
        local rep = kw["repeat"] or 1
        if mtype(rep) ~= "integer" then
            throw("TypeError", "'" .. typename(rep) .. "' object cannot be " ..
                  "interpreted as an integer")
        end
        if rep < 0 then
            throw("ValueError", "repeat argument cannot be negative")
        end
        local pools, m = {}, 0
        local given = {...}
        local base = {}
        for i = 1, n do base[i] = {pool_of(given[i])} end
        for _ = 1, rep do
            for i = 1, n do
                m = m + 1
                pools[m] = base[i]
            end
        end
        return gen("product", function(Y)
            for i = 1, m do
                if pools[i][2] == 0 then return end
            end
            local ix = {}
            for i = 1, m do ix[i] = 1 end
            while true do
                local t = {}
                for i = 1, m do t[i] = pools[i][1][ix[i]] end
                Y(mktuple(t, m))
                local i = m
                while i >= 1 do
                    ix[i] = ix[i] + 1
                    if ix[i] <= pools[i][2] then break end
                    ix[i] = 1
                    i = i - 1
                end
                if i < 1 then return end
            end
        end)
    end
    it.zip_longest = function(...)
        local kw, n = args_kw("zip_longest", {fillvalue = 1}, ...)
        local fill = kw.fillvalue
        if fill == nil then fill = NONE end
        local its = {}
        for i = 1, n do its[i] = ITER((select(i, ...))) end
        return gen("zip_longest", function(Y)
            if n == 0 then return end
            local active = n
            local live = {}
            for i = 1, n do live[i] = true end
            while true do
                local t = {}
                for i = 1, n do
                    local v
                    if live[i] then
                        v = its[i]()
                        if v == nil then
                            live[i] = false
                            active = active - 1
                            if active == 0 then return end
                            v = fill
                        end
                    else
                        v = fill
                    end
                    t[i] = v
                end
                Y(mktuple(t, n))
            end
        end)
    end
    it.takewhile = function(pred, src)
        local nx = ITER(src)
        return gen("takewhile", function(Y)
            for v in nx do
                if not TRUTH(pred(v)) then return end
                Y(v)
            end
        end)
    end
    it.dropwhile = function(pred, src)
        local nx = ITER(src)
        return gen("dropwhile", function(Y)
            local dropping = true
            for v in nx do
                if dropping and not TRUTH(pred(v)) then dropping = false end
                if not dropping then Y(v) end
            end
        end)
    end
    it.filterfalse = function(pred, src)
        local nx = ITER(src)
        return gen("filterfalse", function(Y)
            for v in nx do
                local t
                if pred == NONE then t = TRUTH(v) else t = TRUTH(pred(v)) end
                if not t then Y(v) end
            end
        end)
    end
    it.starmap = function(fn, src)
        local nx = ITER(src)
        return gen("starmap", function(Y)
            for v in nx do
                local t, m = toarray(v)
                Y(fn(unpack(t, 1, m)))
            end
        end)
    end
    it.compress = function(data, sel)
        local nd_, ns = ITER(data), ITER(sel)
        return gen("compress", function(Y)
            for v in nd_ do
                local s = ns()
                if s == nil then return end
                if TRUTH(s) then Y(v) end
            end
        end)
    end
    it.pairwise = function(src)
        local nx = ITER(src)
        return gen("pairwise", function(Y)
            local a = nx()
            if a == nil then return end
            for b in nx do
                Y(mktuple({a, b}, 2))
                a = b
            end
        end)
    end
    it.tee = function(src, n)
        n = n or 2
        if mtype(n) ~= "integer" then
            throw("TypeError", "'" .. typename(n) .. "' object cannot be " ..
                  "interpreted as an integer")
        end
        if n < 0 then throw("ValueError", "n must be >= 0") end
        local nx = ITER(src)
        local buf, first, last = {}, 1, 0
        local pos = {}
        local out = {}
        for k = 1, n do
            pos[k] = 1
            out[k] = R.mkiter(function()
                local p = pos[k]
                if p > last then
                    local v = nx()
                    if v == nil then return nil end
                    last = last + 1
                    buf[last] = v
                end
                pos[k] = p + 1
                local v = buf[p]
                -- drop what every copy has seen
                local low = math.huge
                for j = 1, n do
                    if pos[j] < low then low = pos[j] end
                end
                while first < low do
                    buf[first] = nil
                    first = first + 1
                end
                return v
            end, "itertools._tee")
        end
        return mktuple(out, n)
    end
    return R.mkmodule("itertools", it)
end

-- ---------------------------------------------------------------------
-- copy: shallow and deep copies of the runtime's values and instances
R.LOADERS.copy = function()
    local m = {}
    local OBJ, OBJ_MT, CLSKEY = R.OBJ, R.OBJ_MT, R.CLSKEY
    local function copy_obj(o, f)
        local cls = OBJ.objclass(o)
        if OBJ.lookup(cls, "__copy__") or OBJ.lookup(cls, "__deepcopy__") or
            OBJ.lookup(cls, "__reduce__") or OBJ.lookup(cls, "__getstate__")
        then
            refuse("copying objects that customise copying")
        end
        local c = setmetatable({[CLSKEY] = cls}, OBJ_MT)
        local src = R.OBJ.vars(o)
        for i = 1, src.n do
            if src.k[i] ~= nil then
                OBJ.setattr_raw(c, src.k[i], f(src.v[i]))
            end
        end
        return c
    end
    local function atomic(x)
        local tx = type(x)
        return tx == "number" or tx == "string" or tx == "boolean" or
                   x == NONE or tx == "function" or
                   getmetatable(x) == TYPE_MT or getmetatable(x) == RANGE_MT
    end
    m.copy = function(x)
        if atomic(x) then return x end
        local mt = getmetatable(x)
        if mt == LIST_MT then
            local t = {}
            for i = 1, x.n do t[i] = x[i] end
            return mklist(t, x.n)
        elseif mt == TUPLE_MT then
            return x
        elseif mt == DICT_MT then
            local d = newdict()
            for i = 1, x.n do
                if x.k[i] ~= nil then dset(d, x.k[i], x.v[i]) end
            end
            return d
        elseif mt == SET_MT then
            if x.frozen then return x end
            return B.set(x)
        elseif mt == OBJ_MT then
            return copy_obj(x, function(v) return v end)
        elseif isnd(x) then
            return R.CM(x, "copy")
        end
        refuse("copy.copy of " .. typename(x) .. " objects")
    end
    local function deep(x, memo)
        if atomic(x) then return x end
        local done = memo[x]
        if done ~= nil then return done end
        local mt = getmetatable(x)
        if mt == LIST_MT then
            local t = mklist({}, 0)
            memo[x] = t
            for i = 1, x.n do t[i] = deep(x[i], memo) end
            t.n = x.n
            return t
        elseif mt == TUPLE_MT then
            local t, same = {}, true
            for i = 1, x.n do
                t[i] = deep(x[i], memo)
                if not rawequal(t[i], x[i]) then same = false end
            end
            if same then return x end
            local r = mktuple(t, x.n)
            memo[x] = r
            return r
        elseif mt == DICT_MT then
            local d = newdict()
            memo[x] = d
            for i = 1, x.n do
                if x.k[i] ~= nil then
                    dset(d, deep(x.k[i], memo), deep(x.v[i], memo))
                end
            end
            return d
        elseif mt == SET_MT then
            if x.frozen then refuse("deepcopy of frozensets") end
            local s = B.set(x)
            memo[x] = s
            return s
        elseif mt == OBJ_MT then
            local c = copy_obj(x, function(v) return v end)
            memo[x] = c
            local src = R.OBJ.vars(c)
            for i = 1, src.n do
                if src.k[i] ~= nil then
                    OBJ.setattr_raw(c, src.k[i], deep(src.v[i], memo))
                end
            end
            return c
        elseif isnd(x) then
            local c = R.CM(x, "copy")
            memo[x] = c
            return c
        end
        refuse("copy.deepcopy of " .. typename(x) .. " objects")
    end
    m.deepcopy = function(x, memo)
        if memo ~= nil and memo ~= NONE then refuse("deepcopy memo") end
        return deep(x, {})
    end
    return R.mkmodule("copy", m)
end

-- ---------------------------------------------------------------------
-- contextlib: contextmanager and suppress as instances of small classes
-- whose methods are runtime functions
R.LOADERS.contextlib = function()
    local m = {}
    local CLSKEY, OBJ_MT = R.CLSKEY, R.OBJ_MT
    local function class(name, dict)
        local ns = {}
        for k, v in pairs(dict) do ns[k] = v end
        local c = R.CLASS(name, name, mktuple({}, 0), ns, NONE)
        c.repr = "<class 'contextlib." .. name .. "'>"
        return c
    end
    local GCM = class("_GeneratorContextManager", {
        __enter__ = function(self)
            local v, fin = self.gen.resume(NONE)
            if fin then throw("RuntimeError", "generator didn't yield") end
            return v
        end,
        __exit__ = function(self, typ, val)
            local g = self.gen
            if typ == NONE then
                local _, fin = g.resume(NONE)
                if not fin then
                    throw("RuntimeError", "generator didn't stop")
                end
                return false
            end
            local ok, r = pcall(R.CM, g, "throw", val)
            if ok then
                throw("RuntimeError", "generator didn't stop after throw()")
            end
            if rawequal(r, val) then return false end
            if getmetatable(r) == C.EXC_MT and r.type == "StopIteration" and
                not r.cls then
                return true
            end
            error(r, 0)
        end})
    m.contextmanager = function(f)
        local w = function(...)
            local g = f(...)
            if getmetatable(g) ~= ITER_MT or not g.resume then
                refuse("contextmanager of a function that is not a " ..
                       "generator")
            end
            return setmetatable({[CLSKEY] = GCM, gen = g}, OBJ_MT)
        end
        local info = INFO[f]
        if info then
            R.DEF(w, info.name, info.np, info.nd, info.flags, info.doc,
                  unpack(info.names))
        end
        return w
    end
    local SUP = class("suppress", {
        __enter__ = function() return NONE end,
        __exit__ = function(self, typ, val)
            if typ == NONE then return false end
            return R.EXCMATCH(val, self.excs)
        end})
    m.suppress = function(...)
        return setmetatable({[CLSKEY] = SUP,
                             excs = mktuple({...}, select("#", ...))},
                            OBJ_MT)
    end
    return R.mkmodule("contextlib", m)
end

-- ---------------------------------------------------------------------
-- json: dumps/loads (and dump/load refused: files) with CPython's
-- formatting (separators, indent, sort_keys, ensure_ascii) and its
-- JSONDecodeError messages for the common mistakes
R.LOADERS.json = function()
    local m = {}
    local frepr = C.frepr
    local DECODE_ERR = "json.decoder.JSONDecodeError"
    R.EXC_BASES[DECODE_ERR] = "ValueError"
    local ESC = {['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n",
                 ["\r"] = "\\r", ["\t"] = "\\t", ["\b"] = "\\b",
                 ["\f"] = "\\f"}
    local function quote(s, ascii)
        local out = sgsub(s, '[%z\1-\31"\\]', function(c)
            return ESC[c] or sfmt("\\u%04x", sbyte(c))
        end)
        if ascii and sfind(out, "[\128-\255]") then
            if not ulen(out) then refuse("strings that are not valid UTF-8") end
            local parts, n = {}, 0
            for _, cp in ucodes(out) do
                n = n + 1
                if cp < 0x80 then
                    parts[n] = schar(cp)
                elseif cp < 0x10000 then
                    parts[n] = sfmt("\\u%04x", cp)
                else
                    local v = cp - 0x10000
                    parts[n] = sfmt("\\u%04x\\u%04x", 0xD800 + (v >> 10),
                                    0xDC00 + (v & 0x3FF))
                end
            end
            out = concat(parts)
        end
        return '"' .. out .. '"'
    end
    local function float_text(v)
        if v ~= v then return "NaN" end
        if v == huge then return "Infinity" end
        if v == -huge then return "-Infinity" end
        return frepr(v)
    end
    local function key_text(k)
        local tk = type(k)
        if tk == "string" then return k end
        if mtype(k) == "integer" then return tostring(k) end
        if mtype(k) == "float" then return float_text(k) end
        if tk == "boolean" then return k and "true" or "false" end
        if k == NONE then return "null" end
        throw("TypeError", "keys must be str, int, float, bool or None, " ..
              "not " .. typename(k))
    end
    local function encode(v, o, parts, level, seen)
        local tv = type(v)
        if tv == "string" then
            parts[#parts + 1] = quote(v, o.ascii)
        elseif mtype(v) == "integer" then
            parts[#parts + 1] = tostring(v)
        elseif mtype(v) == "float" then
            parts[#parts + 1] = float_text(v)
        elseif tv == "boolean" then
            parts[#parts + 1] = v and "true" or "false"
        elseif v == NONE then
            parts[#parts + 1] = "null"
        else
            local mt = getmetatable(v)
            if mt ~= LIST_MT and mt ~= TUPLE_MT and mt ~= DICT_MT then
                if o.default then
                    return encode(o.default(v), o, parts, level, seen)
                end
                throw("TypeError", "Object of type " .. typename(v) ..
                      " is not JSON serializable")
            end
            if seen[v] then
                throw("ValueError", "Circular reference detected")
            end
            seen[v] = true
            local items = {}
            if mt == DICT_MT then
                for i = 1, v.n do
                    if v.k[i] ~= nil then
                        items[#items + 1] = {v.k[i], v.v[i]}
                    end
                end
                if o.sort then
                    local ok = pcall(table.sort, items, function(a, b)
                        return R.less(a[1], b[1])
                    end)
                    if not ok then
                        refuse("json sort_keys with mixed key types")
                    end
                end
            else
                for i = 1, v.n do items[i] = v[i] end
            end
            local open, close = "[", "]"
            if mt == DICT_MT then open, close = "{", "}" end
            if #items == 0 then
                parts[#parts + 1] = open .. close
                seen[v] = nil
                return
            end
            parts[#parts + 1] = open
            local nl = ""
            if o.indent then
                nl = "\n" .. srep(o.indent, level + 1)
                parts[#parts + 1] = nl
            end
            for i, it in ipairs(items) do
                if i > 1 then parts[#parts + 1] = o.item .. nl end
                if mt == DICT_MT then
                    parts[#parts + 1] = quote(key_text(it[1]), o.ascii) ..
                                            o.key
                    encode(it[2], o, parts, level + 1, seen)
                else
                    encode(it, o, parts, level + 1, seen)
                end
            end
            if o.indent then
                parts[#parts + 1] = "\n" .. srep(o.indent, level)
            end
            parts[#parts + 1] = close
            seen[v] = nil
        end
    end
    m.dumps = function(...)
        local n = select("#", ...)
        local kw
        kw, n = getkw(n, ...)
        kwcheck("dumps", kw, {indent = 1, sort_keys = 1, separators = 1,
                              ensure_ascii = 1, default = 1, skipkeys = 1,
                              allow_nan = 1, check_circular = 1})
        kw = kw or {}
        if kw.skipkeys or kw.allow_nan == false then
            refuse("json.dumps(skipkeys=/allow_nan=)")
        end
        local o = {ascii = kw.ensure_ascii ~= false, sort = kw.sort_keys and
                       TRUTH(kw.sort_keys)}
        local ind = kw.indent
        if ind ~= nil and ind ~= NONE then
            if mtype(ind) == "integer" then
                o.indent = srep(" ", ind)
            elseif type(ind) == "string" then
                o.indent = ind
            else
                refuse("json indent of this type")
            end
        end
        o.item, o.key = o.indent and "," or ", ", ": "
        local sep = kw.separators
        if sep ~= nil and sep ~= NONE then
            local t, k = toarray(sep)
            if k ~= 2 then throw("ValueError", "too many values to unpack") end
            o.item, o.key = t[1], t[2]
        end
        if kw.default ~= nil and kw.default ~= NONE then
            o.default = kw.default
        end
        local parts = {}
        encode((...), o, parts, 0, {})
        return concat(parts)
    end
    -- decoding
    local function decode_error(msg, doc, pos)
        local line, col = 1, pos + 1
        local before = ssub(doc, 1, pos)
        local last = 0
        for i in before:gmatch("()\n") do
            line = line + 1
            last = i
        end
        if last > 0 then col = pos - last + 1 end
        -- positions count code points, as CPython's str indices do
        local cpos = ulen(before) or pos
        local ccol = col
        if last > 0 then ccol = (ulen(ssub(doc, last + 1, pos)) or 0) + 1
        else ccol = cpos + 1 end
        local e = R.mkexc(DECODE_ERR, mktuple({sfmt("%s: line %d column %d " ..
            "(char %d)", msg, line, ccol, cpos)}, 1))
        e.attrs = {msg = msg, pos = cpos, lineno = line, colno = ccol,
                   doc = doc}
        error(e, 0)
    end
    local function skip(s, i)
        local _, j = sfind(s, "^[ \t\n\r]*", i)
        return j + 1
    end
    local parse_value
    local function parse_string(s, i)
        -- s:sub(i, i) == '"'
        local start = i
        local parts = {}
        i = i + 1
        while true do
            local j = sfind(s, '["\\%z\1-\31]', i)
            if not j then
                decode_error("Unterminated string starting at", s, start - 1)
            end
            parts[#parts + 1] = ssub(s, i, j - 1)
            local c = ssub(s, j, j)
            if c == '"' then return concat(parts), j + 1 end
            if c ~= "\\" then
                decode_error("Invalid control character at", s, j - 1)
            end
            local e = ssub(s, j + 1, j + 1)
            local simple = {['"'] = '"', ["\\"] = "\\", ["/"] = "/",
                            b = "\b", f = "\f", n = "\n", r = "\r", t = "\t"}
            if simple[e] then
                parts[#parts + 1] = simple[e]
                i = j + 2
            elseif e == "u" then
                local hex = smatch(s, "^%x%x%x%x", j + 2)
                if not hex then
                    decode_error("Invalid \\uXXXX escape", s, j)
                end
                local cp = tonumber(hex, 16)
                i = j + 6
                if cp >= 0xD800 and cp < 0xDC00 then
                    local lo = smatch(s, "^\\u(%x%x%x%x)", i)
                    local lv = lo and tonumber(lo, 16)
                    if lv and lv >= 0xDC00 and lv < 0xE000 then
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lv - 0xDC00)
                        i = i + 6
                    else
                        refuse("lone surrogates in JSON strings")
                    end
                elseif cp >= 0xDC00 and cp < 0xE000 then
                    refuse("lone surrogates in JSON strings")
                end
                parts[#parts + 1] = uchar(cp)
            else
                decode_error("Invalid \\escape", s, j - 1)
            end
        end
    end
    function parse_value(s, i)
        i = skip(s, i)
        local c = ssub(s, i, i)
        if c == "{" then
            local d = newdict()
            i = skip(s, i + 1)
            if ssub(s, i, i) == "}" then return d, i + 1 end
            while true do
                if ssub(s, i, i) ~= '"' then
                    decode_error("Expecting property name enclosed in " ..
                                 "double quotes", s, i - 1)
                end
                local k
                k, i = parse_string(s, i)
                i = skip(s, i)
                if ssub(s, i, i) ~= ":" then
                    decode_error("Expecting ':' delimiter", s, i - 1)
                end
                local v
                v, i = parse_value(s, i + 1)
                dset(d, k, v)
                i = skip(s, i)
                c = ssub(s, i, i)
                if c == "}" then return d, i + 1 end
                if c ~= "," then
                    decode_error("Expecting ',' delimiter", s, i - 1)
                end
                i = skip(s, i + 1)
            end
        elseif c == "[" then
            local t, n = {}, 0
            i = skip(s, i + 1)
            if ssub(s, i, i) == "]" then return mklist(t, 0), i + 1 end
            while true do
                local v
                v, i = parse_value(s, i)
                n = n + 1
                t[n] = v
                i = skip(s, i)
                c = ssub(s, i, i)
                if c == "]" then return mklist(t, n), i + 1 end
                if c ~= "," then
                    decode_error("Expecting ',' delimiter", s, i - 1)
                end
                i = i + 1
            end
        elseif c == '"' then
            return parse_string(s, i)
        end
        local num = smatch(s, "^-?%d+%.?%d*[eE]?[-+]?%d*", i)
        if num and smatch(num, "^-?0%d") then num = smatch(s, "^-?0", i) end
        if num and num ~= "-" then
            local intpart, rest = smatch(num, "^(-?%d+)(.*)$")
            local frac = smatch(rest, "^%.%d+") or ""
            local exp = smatch(ssub(rest, #frac + 1), "^[eE][-+]?%d+") or ""
            local text = intpart .. frac .. exp
            if frac == "" and exp == "" then
                local v = math.tointeger(tonumber(text))
                if not v then refuse("integers beyond 64 bits") end
                return v, i + #text
            end
            return tonumber(text) + 0.0, i + #text
        end
        for word, v in pairs({["null"] = NONE, ["true"] = true,
                              ["false"] = false, NaN = 0.0 / 0.0,
                              Infinity = huge, ["-Infinity"] = -huge}) do
            if ssub(s, i, i + #word - 1) == word then
                return v, i + #word
            end
        end
        decode_error("Expecting value", s, i - 1)
    end
    m.loads = function(s, ...)
        if select("#", ...) > 0 then refuse("json.loads options") end
        if type(s) ~= "string" then
            throw("TypeError", "the JSON object must be str, bytes or " ..
                  "bytearray, not " .. typename(s))
        end
        local v, i = parse_value(s, 1)
        i = skip(s, i)
        if i <= #s then decode_error("Extra data", s, i - 1) end
        return v
    end
    m.dump = function() refuse("json.dump (files)") end
    m.load = function() refuse("json.load (files)") end
    m.JSONDecodeError = R.exc_class(DECODE_ERR)
    return R.mkmodule("json", m)
end

-- inspect: only what the generator lessons use
R.LOADERS.inspect = function()
    local m = {}
    m.getgeneratorstate = function(g)
        if getmetatable(g) ~= ITER_MT or not g.co then
            throw("AttributeError", "'" .. typename(g) .. "' object has " ..
                  "no attribute 'gi_running'")
        end
        if g.done then return "GEN_CLOSED" end
        if coroutine.status(g.co) ~= "suspended" then return "GEN_RUNNING" end
        if not g.started then return "GEN_CREATED" end
        return "GEN_SUSPENDED"
    end
    m.isgenerator = function(g)
        return getmetatable(g) == ITER_MT and g.co ~= nil and
                   g.kind == "generator"
    end
    m.isgeneratorfunction = function() refuse("inspect.isgeneratorfunction") end
    return R.mkmodule("inspect", m)
end

-- ---------------------------------------------------------------------
-- io.StringIO and csv (reader, DictReader, writer, DictWriter with the
-- excel dialect): instances of small runtime classes
local function rt_class(name, modname, dict)
    local ns = {}
    for k, v in pairs(dict) do ns[k] = v end
    local c = R.CLASS(name, name, mktuple({}, 0), ns, NONE)
    c.repr = "<class '" .. modname .. "." .. name .. "'>"
    return c
end
local function rt_new(cls, fields)
    fields[R.CLSKEY] = cls
    return setmetatable(fields, R.OBJ_MT)
end

R.LOADERS.io = function()
    local m = {}
    local function readline(self)
        local buf, pos = self.buf, self.pos
        if pos > #buf then return "" end
        local j = sfind(buf, "\n", pos, true)
        local line = ssub(buf, pos, j or #buf)
        self.pos = (j or #buf) + 1
        return line
    end
    local SIO = rt_class("StringIO", "_io", {
        read = function(self, n)
            local buf, pos = self.buf, self.pos
            if n == nil or n == NONE or n < 0 then
                self.pos = #buf + 1
                return ssub(buf, pos)
            end
            if sfind(buf, "[\128-\255]") then
                refuse("StringIO.read(n) of non-ASCII text")
            end
            self.pos = math.min(pos + n, #buf + 1)
            return ssub(buf, pos, pos + n - 1)
        end,
        readline = readline,
        readlines = function(self)
            local t, n = {}, 0
            while true do
                local l = readline(self)
                if l == "" then return mklist(t, n) end
                n = n + 1
                t[n] = l
            end
        end,
        write = function(self, s)
            if type(s) ~= "string" then
                throw("TypeError", "string argument expected, got '" ..
                      typename(s) .. "'")
            end
            if self.pos ~= #self.buf + 1 then
                refuse("StringIO.write in the middle of the text")
            end
            self.buf = self.buf .. s
            self.pos = #self.buf + 1
            return ulen(s) or #s
        end,
        getvalue = function(self) return self.buf end,
        seek = function(self, p)
            if p ~= 0 then refuse("StringIO.seek to a non-zero position") end
            self.pos = 1
            return 0
        end,
        close = function() return NONE end,
        __iter__ = function(self) return self end,
        __next__ = function(self)
            local l = readline(self)
            if l == "" then error(R.stop_iteration(), 0) end
            return l
        end,
        __enter__ = function(self) return self end,
        __exit__ = function() return false end,
    })
    m.StringIO = function(init, ...)
        if select("#", ...) > 0 then refuse("StringIO options") end
        if init == nil or init == NONE then init = "" end
        if type(init) ~= "string" then
            throw("TypeError", "initial_value must be str or None, not " ..
                  typename(init))
        end
        return rt_new(SIO, {buf = init, pos = 1})
    end
    return R.mkmodule("io", m)
end

R.LOADERS.csv = function()
    local m = {}
    local CSV_ERR = "_csv.Error"
    R.EXC_BASES[CSV_ERR] = "Exception"
    local function dialect(kw)
        kwcheck("reader", kw, {delimiter = 1, quotechar = 1})
        kw = kw or {}
        local d, q = kw.delimiter or ",", kw.quotechar or '"'
        if type(d) ~= "string" or #d ~= 1 or type(q) ~= "string" or #q ~= 1
        then
            refuse("csv dialects other than one-character delimiter/quote")
        end
        return d, q
    end
    -- one record from the lines of nextline (nil at the end)
    local function record(nextline, d, q)
        local line = nextline()
        if line == nil then return nil end
        if type(line) ~= "string" then
            throw(CSV_ERR, "iterator should return strings, not " ..
                  typename(line) .. " (the file should be opened in text " ..
                  "mode)")
        end
        local fields, field, state = {}, {}, "start"
        local i = 1
        while true do
            local c = ssub(line, i, i)
            if c == "" or ((c == "\n" or c == "\r") and state ~= "quoted")
            then
                if state == "quoted" then
                    local more = nextline()
                    if more == nil then
                        throw(CSV_ERR, "unexpected end of data")
                    end
                    line, i = more, 1
                    goto continue
                end
                if state ~= "start" or #fields > 0 then
                    fields[#fields + 1] = concat(field)
                end
                return mklist(fields, #fields)
            end
            if state == "start" then
                if c == q then
                    state = "quoted"
                elseif c == d then
                    fields[#fields + 1] = ""
                else
                    field[#field + 1] = c
                    state = "field"
                end
            elseif state == "field" then
                if c == d then
                    fields[#fields + 1] = concat(field)
                    field, state = {}, "start"
                else
                    field[#field + 1] = c
                end
            elseif state == "quoted" then
                if c == q then
                    state = "quote"
                else
                    field[#field + 1] = c
                end
            else -- a quote inside quotes
                if c == q then
                    field[#field + 1] = q
                    state = "quoted"
                elseif c == d then
                    fields[#fields + 1] = concat(field)
                    field, state = {}, "start"
                else
                    field[#field + 1] = c
                    state = "field"
                end
            end
            i = i + 1
            ::continue::
        end
    end
    m.reader = function(src, ...)
        local kw = getkw(select("#", ...), ...)
        local d, q = dialect(kw)
        local nx = ITER(src)
        local it = R.mkiter(function() return record(nx, d, q) end,
                            "_csv.reader")
        return it
    end
    local DR = rt_class("DictReader", "csv", {
        __iter__ = function(self) return self end,
        __next__ = function(self)
            local names = R.GA(self, "fieldnames")
            local row
            repeat
                row = record(self.src, self.d, self.q)
                if row == nil then error(R.stop_iteration(), 0) end
            until row.n > 0
            local out = newdict()
            for i = 1, names.n do
                local v = row[i]
                if v == nil then v = self.restval end
                dset(out, names[i], v)
            end
            if row.n > names.n then
                local rest = {}
                for i = names.n + 1, row.n do rest[#rest + 1] = row[i] end
                dset(out, self.restkey, mklist(rest, #rest))
            end
            return out
        end,
        fieldnames = B.property(function(self)
            if self.names == nil then
                local row = record(self.src, self.d, self.q)
                self.names = row or NONE
            end
            return self.names
        end),
    })
    m.DictReader = function(src, ...)
        local n = select("#", ...)
        local kw
        kw, n = getkw(n, ...)
        kwcheck("DictReader", kw, {fieldnames = 1, restkey = 1, restval = 1,
                                   delimiter = 1, quotechar = 1})
        kw = kw or {}
        local names = n > 0 and (...) or kw.fieldnames
        if names ~= nil and names ~= NONE then
            local t, k = toarray(names)
            names = mklist({unpack(t, 1, k)}, k)
        else
            names = nil
        end
        local d, q = dialect({delimiter = kw.delimiter,
                              quotechar = kw.quotechar})
        return rt_new(DR, {src = ITER(src), d = d, q = q, names = names,
                           restkey = kw.restkey or NONE,
                           restval = kw.restval or NONE})
    end
    local function format_row(row, d, q)
        local parts, n = {}, 0
        local t, k = toarray(row)
        for i = 1, k do
            local v = t[i]
            local s = v == NONE and "" or STR(v)
            if sfind(s, d, 1, true) or sfind(s, q, 1, true) or
                sfind(s, "[\r\n]") or (k == 1 and s == "") then
                s = q .. sgsub(s, q, q .. q) .. q
            end
            n = n + 1
            parts[n] = s
        end
        return concat(parts, d) .. "\r\n"
    end
    local W = rt_class("writer", "_csv", {
        writerow = function(self, row)
            return R.CM(self.f, "write", format_row(row, self.d, self.q))
        end,
        writerows = function(self, rows)
            for row in ITER(rows) do
                R.CM(self.f, "write", format_row(row, self.d, self.q))
            end
            return NONE
        end,
    })
    m.writer = function(f, ...)
        local d, q = dialect(getkw(select("#", ...), ...))
        return rt_new(W, {f = f, d = d, q = q})
    end
    local DW = rt_class("DictWriter", "csv", {
        writeheader = function(self)
            return R.CM(self.f, "write", format_row(self.names, self.d,
                                                    self.q))
        end,
        writerow = function(self, rowd)
            if getmetatable(rowd) ~= DICT_MT then
                refuse("DictWriter rows that are not dicts")
            end
            for i = 1, rowd.n do
                local k = rowd.k[i]
                if k ~= nil and not R.contains(self.names, k) then
                    throw("ValueError", "dict contains fields not in " ..
                          "fieldnames: " .. REPR(k))
                end
            end
            local t = {}
            for i = 1, self.names.n do
                local v = dget(rowd, self.names[i])
                t[i] = v == nil and "" or v
            end
            return R.CM(self.f, "write", format_row(mklist(t, self.names.n),
                                                    self.d, self.q))
        end,
    })
    m.DictWriter = function(f, ...)
        local n = select("#", ...)
        local kw
        kw, n = getkw(n, ...)
        kw = kw or {}
        local names = n > 0 and (...) or kw.fieldnames
        if names == nil then
            throw("TypeError", "DictWriter.__init__() missing 1 required " ..
                  "positional argument: 'fieldnames'")
        end
        local d, q = dialect({delimiter = kw.delimiter,
                              quotechar = kw.quotechar})
        local t, k = toarray(names)
        return rt_new(DW, {f = f, names = mklist({unpack(t, 1, k)}, k),
                           d = d, q = q})
    end
    m.Error = R.exc_class(CSV_ERR)
    return R.mkmodule("csv", m)
end

R.LOADERS.time = function()
    local t = {}
    t.perf_counter = function() return C.clock(1) end
    t.time = function() return C.clock(0) end
    t.monotonic = function() return C.clock(1) end
    t.process_time = function() return C.clock(1) end
    t.sleep = function() refuse("time.sleep") end
    return R.mkmodule("time", t)
end

return true
