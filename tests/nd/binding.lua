-- binding.lua - tests of the nd Lua binding itself: objects, errors,
-- views and GC, scalars, keyword arguments, setitem forms.

-- error objects
local okc, e = pcall(nd.zeros, -1)
ok(not okc and getmetatable(e) == debug.getregistry()["nd.error"],
   "nd: errors carry the nd.error metatable")
is(tostring(e), "ValueError: negative dimensions are not allowed",
   "nd: error tostring is 'Type: message'")
raises(function() return nd.arange(3):sum(kw{axis = 2}) end,
       "numpy.AxisError", "axis 2 is out of bounds for array of dimension 1",
       "nd: AxisError type name")
raises(function() return nd.zeros(tuple(1000000, 1000000)) end,
       "MemoryError",
       "Unable to allocate 7.28 TiB for an array with shape "
       .. "(1000000, 1000000) and data type float64",
       "nd: huge allocation is NumPy's MemoryError")
raises(function() return nd.arange(3).foo end, "AttributeError",
       "'numpy.ndarray' object has no attribute 'foo'",
       "nd: unknown attribute")
raises(function() return #nd.int64(3) end, "TypeError",
       "object of type 'numpy.int64' has no len()", "nd: len of a scalar")

-- views keep their owner alive
local v
do
    local a = nd.arange(10)
    v = nd.getitem(a, S(2, 8, 2))
end
collectgarbage()
collectgarbage()
is(v, "[2 4 6]", "nd: a view outlives its dropped owner")
local b = nd.getitem(v, S(1, None))
ok(rawequal(b.base, v.base), "nd: view of a view has the owner as base")
ok(nd.arange(3).base == nd.newaxis, "nd: owner's base is None")
ok(nd.shares_memory(v, b), "nd: views share memory")
ok(not nd.shares_memory(v, v:copy()), "nd: copies do not")
do
    local m = nd.arange(12):reshape(3, 4)
    local col = nd.getitem(m, S(), 1)
    nd.setitem(col, 99, 0)
    is(nd.getitem(m, 0, 1), "99", "nd: writing through a view")
    local flat = m:ravel()
    nd.setitem(flat, -1, 0)
    is(nd.getitem(m, 0, 0), "-1", "nd: ravel of contiguous is a view")
    local fl = m:flatten()
    nd.setitem(fl, 5, 1)
    is(nd.getitem(m, 0, 1), "99", "nd: flatten copies")
    local chained = nd.getitem(m, nd.gt(m, 5))
    nd.setitem(chained, 0, 0)
    is(nd.getitem(m, 2, 3), "11", "nd: mask index returns a copy")
end
-- many temporaries: GC must reclaim them
do
    local a = nd.ones(1000)
    for _ = 1, 2000 do a = a + 1 end
    is(a:sum(), "2001000.0", "nd: 2000 temporaries")
end

-- scalars
ok(nd.isscalar(nd.arange(3):sum()), "nd: reductions return scalars")
ok(nd.isscalar(nd.getitem(nd.arange(3), 1)), "nd: a[i] is a scalar")
ok(not nd.isscalar(nd.array(5)), "nd: array(5) is a 0-d array")
is(nd.repr(nd.array(5)), "array(5)", "nd: repr of 0-d array")
is(nd.repr(nd.float32(0.1)), "0.1", "nd: repr of float32 scalar")
is(nd.typename(nd.int8(3)), "numpy.int8", "nd: scalar type name")
is(nd.typename(nd.arange(2)), "numpy.ndarray", "nd: array type name")
is(nd.str(nd.int8(100) + nd.int8(100)), "-56", "nd: int8 scalars wrap")
is(nd.str((nd.uint8(10) - 20).dtype), "int64",
   "nd: scalar op Python int: plain promotion")
ok(nd.int(nd.float64(3.9)) == 3 and math.type(nd.int(nd.int64(4))) ==
   "integer", "nd: int() of scalars")
ok(nd.float(nd.int64(4)) == 4.0, "nd: float() of scalars")
ok(nd.arange(3):item(2) == 2, "nd: item(i)")
ok(nd.truth(nd.array({0})) == false and nd.truth(nd.int64(2)) == true,
   "nd: truth of size-1 arrays")
raises(function() return nd.truth(nd.arange(3)) end, "ValueError",
       "The truth value of an array with more than one element is "
       .. "ambiguous. Use a.any() or a.all()", "nd: ambiguous truth")

-- dtype objects
ok(rawequal(nd.arange(3).dtype, nd.int64), "nd: dtype objects are unique")
is(tostring(nd.float32), "float32", "nd: dtype tostring")
is(nd.repr(nd.float32), "dtype('float32')", "nd: dtype repr")
ok(nd.float32.itemsize == 4 and nd.float32.name == "float32",
   "nd: dtype fields")
is(nd.str(nd.array({1, 2}, kw{dtype = "float32"}).dtype), "float32",
   "nd: dtype by name")

-- shape tuples and lists
local s = nd.zeros(tuple(2, 3)).shape
ok(getmetatable(s) == PYTUPLE and s.n == 2 and s[1] == 2 and s[2] == 3,
   "nd: shape is a py.tuple")
local l = nd.arange(4):reshape(2, 2):tolist()
ok(getmetatable(l) == PYLIST and l.n == 2 and l[2][1] == 2,
   "nd: tolist gives py.lists")
ok(#nd.zeros(tuple(5, 2)) == 5, "nd: __len")
local n = 0
for x in nd.iter(nd.arange(4):reshape(2, 2)) do
    n = n + nd.int(x:sum())
end
ok(n == 6, "nd: iteration over rows")

-- keyword and positional forms agree
is(nd.sum(nd.arange(6):reshape(2, 3), 1), "[ 3 12]", "nd: positional axis")
is(nd.sum(nd.arange(6):reshape(2, 3), kw{axis = -1}), "[ 3 12]",
   "nd: keyword axis")
is(nd.arange(6):reshape(tuple(3, 2)), "[[0 1]\n [2 3]\n [4 5]]",
   "nd: reshape with a tuple")
is(nd.arange(0, 5, kw{dtype = nd.float32}), "[0. 1. 2. 3. 4.]",
   "nd: arange dtype=")

-- setitem forms
do
    local a = nd.zeros(5, kw{dtype = "int8"})
    nd.setitem(a, 300, 1)
    nd.setitem(a, 2.9, 2)
    nd.setitem(a, list(7, 8), S(3, 5))
    is(a, "[ 0 44  2  7  8]", "nd: scalar, float and list assignment")
    local m = nd.zeros(tuple(2, 3))
    nd.setitem(m, nd.arange(3), S())
    is(m, "[[0. 1. 2.]\n [0. 1. 2.]]", "nd: broadcast row assignment")
    raises(function() nd.setitem(m, nd.arange(3), 0, S(0, 2)) end,
           "ValueError",
           "could not broadcast input array from shape (3,) into shape (2,)",
           "nd: setitem broadcast error")
    nd.setitem(m, -1, list(0, 1), list(2, 0))
    is(m, "[[ 0.  1. -1.]\n [-1.  1.  2.]]", "nd: fancy assignment")
    local r = nd.arange(5)
    nd.setitem(r, nd.getitem(r, S(None, -1)), S(1, None))
    is(r, "[0 0 1 2 3]", "nd: overlapping assignment copies first")
    raises(function() nd.setitem(r, "a", 0) end, "ValueError",
           "could not convert string to float: 'a'",
           "nd: string assignment error")
end

-- in-place operator forms
do
    local a = nd.arange(3)
    nd.multiply(a, 2, kw{out = a})
    is(a, "[0 2 4]", "nd: multiply out=a")
    raises(function() nd.add(a, 1.5, kw{out = a}) end,
           "numpy.core._exceptions._UFuncOutputCastingError",
           "Cannot cast ufunc 'add' output from dtype('float64') to "
           .. "dtype('int64') with casting rule 'same_kind'",
           "nd: a += 1.5 on ints")
end

-- printing options and str of odd things
nd.set_printoptions(kw{precision = 3})
is(nd.array({1 / 3, 2 / 3}), "[0.333 0.667]", "nd: set_printoptions")
nd.set_printoptions(kw{precision = 8})
is(nd.str(true), "True", "nd: str of a Python bool")

-- keywords a function does not read are refused, never ignored
do
    local a = nd.arange(4.0)
    local function refused(f, want, name)
        local okc, e = pcall(f)
        ok(not okc and getmetatable(e) ~= nil and
           tostring(e) == "not supported in pyprep: " .. want, name)
    end
    refused(function() return nd.add(a, a, kw{where = nd.gt(a, 1)}) end,
            "keyword argument 'where' of add()", "nd: add(where=) refused")
    refused(function() return a:sum(kw{initial = 5}) end,
            "keyword argument 'initial' of ndarray.sum()",
            "nd: a.sum(initial=) refused")
    refused(function() return nd.sum(a, kw{ddof = 1}) end,
            "keyword argument 'ddof' of sum()", "nd: sum(ddof=) refused")
    refused(function() return nd.ravel(a, kw{order = "F"}) end,
            "keyword argument 'order' of ravel()",
            "nd: a function reading no keyword refuses one")
    refused(function() return nd.random.default_rng(0):normal(kw{bogus = 1}) end,
            "keyword argument 'bogus' of Generator.normal()",
            "nd: Generator methods check keywords too")
    refused(function() return nd.sum(a, 0, nil, nil, true, 1) end,
            "positional argument 6 of sum()",
            "nd: a positional argument past those read is refused")
    refused(function() return a:sum(0, nil, nil, true, 1) end,
            "positional argument 5 of ndarray.sum()",
            "nd: ... counted as Python counts a method's")
    refused(function() return nd.random.normal(0, 1, 3, 4) end,
            "positional argument 4 of random.normal()",
            "nd: random functions count positional arguments")
    refused(function() return nd.random.default_rng(0):normal(0, 1, 3, 4) end,
            "positional argument 4 of Generator.normal()",
            "nd: ... Generator methods not counting the generator")
    is(function() return nd.random.default_rng(1):normal(1, 2, 2) end,
       "[1.69116838 2.64323629]", "nd: Generator.normal(loc, scale, size)")
    refused(function() return nd.argsort(a, kw{kind = "heapsort"}) end,
            "kind='heapsort' (heapsort's order of equal keys)",
            "nd: heapsort is refused (its order of ties differs)")
    is(nd.argsort(nd.array({2, 1, 2, 1}), kw{kind = "stable"}), "[1 3 0 2]",
       "nd: argsort kind='stable' keeps ties in order")
    local c = nd.zeros(4)
    is(function() nd.add(a, a, c) return c end, "[0. 2. 4. 6.]",
       "nd: add's third positional argument is out")
    is(function() nd.sqrt(a, c) return c end,
       "[0.         1.         1.41421356 1.73205081]",
       "nd: sqrt's second positional argument is out")
    raises(function() return nd.add(a, a, c, kw{out = c}) end, "TypeError",
           "cannot specify 'out' as both a positional and keyword argument",
           "nd: out given twice")
    is(nd.sum(nd.ones({2, 2}), 0, nil, nil, true), "[[2. 2.]]",
       "nd: sum's fifth positional argument is keepdims")
    is(nd.std(nd.arange(4.0), 0, nil, nil, 1), "1.2909944487358056",
       "nd: std's fifth positional argument is ddof")
    is(nd.max(nd.arange(4.0), 0, nil, true), "[3.]",
       "nd: max's fourth positional argument is keepdims")
    is(nd.add(a, a, kw{out = nd.zeros(4), dtype = "float64"}),
       "[0. 2. 4. 6.]", "nd: add keeps out= and dtype=")
    is(a:std(kw{ddof = 1, axis = 0, keepdims = true}), "[1.29099445]",
       "nd: std keeps ddof=, axis= and keepdims=")
    is(nd.random.default_rng(1):normal(kw{loc = 1, scale = 2, size = 2}),
       "[1.69116838 2.64323629]", "nd: normal keeps loc=, scale=, size=")
    is(nd.full_like(a, kw{fill_value = 7}), "[7. 7. 7. 7.]",
       "nd: full_like keeps fill_value=")
end

-- same dtype, same shape, contiguous: the binding's fast path must agree
-- with the general one (a strided operand takes that) for every op
do
    local ops = {"add", "subtract", "multiply", "true_divide", "floor_divide",
                 "remainder", "power", "bitwise_and", "bitwise_or",
                 "bitwise_xor", "left_shift", "right_shift", "maximum",
                 "minimum", "fmax", "fmin", "equal", "less", "logical_and",
                 "arctan2", "hypot"}
    local bad = {}
    for _, dt in ipairs({"bool", "int8", "uint8", "int32", "int64", "uint64",
                         "float16", "float32", "float64"}) do
        local a = nd.array({3, 0, 5, 1, 7, 2}):astype(dt)
        local wide = nd.array({2, 9, 1, 9, 3, 9, 1, 9, 2, 9, 1, 9}):astype(dt)
        local b = nd.getitem(wide, S(nil, nil, 2)) -- strided view
        local bc = b:copy()                          -- contiguous copy
        for _, op in ipairs(ops) do
            local okf, fast = pcall(nd[op], a, bc)
            local okg, gen = pcall(nd[op], a, b)
            local sf = okf and (nd.repr(fast) .. fast.dtype.name)
                       or tostring(type(fast) == "table" and fast.message
                                   or fast)
            local sg = okg and (nd.repr(gen) .. gen.dtype.name)
                       or tostring(type(gen) == "table" and gen.message
                                   or gen)
            if okf ~= okg or sf ~= sg then
                bad[#bad + 1] = dt .. " " .. op .. ": " .. sf .. " vs " .. sg
            end
        end
    end
    ok(#bad == 0, "nd: same-dtype fast path agrees with the general path"
       .. (#bad > 0 and (" (" .. bad[1] .. ")") or ""))
    local x = nd.array({1, 2}):astype("int8")
    local r = x + x
    ok(r.dtype.name == "int8" and nd.str(r) == "[2 4]" and
       not nd.shares_memory(r, x), "nd: fast path result is a new int8 array")
    local s0 = nd.getitem(nd.array({2.5}), 0)
    ok(nd.typename(s0 + s0) == "numpy.float64",
       "nd: 0-d operands on the fast path give a NumPy scalar")
end
