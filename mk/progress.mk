# mk/progress.mk - the progress store's test driver.
#
# tests/progress/ptool is a helper the progress scripts (tests/progress/*.t)
# run, not a TAP program itself, so it is built next to the store's unit
# test rather than listed in TEST_BINS.
PROGRESS_TOOL = $(BUILD)/tests/progress/ptool

$(BUILD)/tests/progress/ptool: tests/progress/ptool.c $(APP_LIBOBJ) \
    $(ENGINE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -Iapp -Itests -o $@ $< \
	    $(APP_LIBOBJ) $(ENGINE_LIB) $(LDLIBS_ALL)

$(BUILD)/tests/app/progress_test.t: $(BUILD)/tests/progress/ptool
