-- expect: time
-- class: 5 table.move over a huge range of nils (no allocation)
-- args: --time-limit 300
table.move({}, 1, math.maxinteger - 1, 1)
