# mk/install.mk — the command's own files (cli/*.c, libxlsxwriter, threads),
# make install / uninstall, and the tools the batch tests use. Included by
# the main Makefile; uses its BUILD, CC, CFLAGS, SANFLAGS, STD, WARN, PREFIX,
# DESTDIR, VERSION, SOMAJOR, DEP_LIBS and PATTERNS.
#
#   make install   [PREFIX=/usr/local] [DESTDIR=]   library, header, baogao, pkg-config, patterns, man page
#   make uninstall [PREFIX=/usr/local] [DESTDIR=]   removes exactly what install put there

# ---- the command ---------------------------------------------------------------
# The main rule links cli/main.c with the library; the other files of cli/,
# libxlsxwriter and the thread library come in through its LDLIBS ("private":
# the library and the tests keep theirs).

CLI_OBJ     := $(patsubst cli/%.c,$(BUILD)/cli/%.o,$(filter-out cli/main.c,$(wildcard cli/*.c)))
XLSX_CFLAGS  = $(shell pkg-config --cflags xlsxwriter 2>/dev/null)
XLSX_LIBS    = $(shell pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter -lz)

$(BUILD)/cli/%.o: cli/%.c cli/cli.h lib/baogao.h | $(BUILD)/cli deps
	$(CC) $(STD) $(WARN) $(CFLAGS) $(SANFLAGS) -pthread -Ilib $(XLSX_CFLAGS) -c -o $@ $<

$(BUILD)/baogao: cli/cli.h $(CLI_OBJ)
$(BUILD)/baogao: private LDLIBS = $(CLI_OBJ) $(BUILD)/libbaogao.a $(DEP_LIBS) $(XLSX_LIBS) -pthread

# ---- build and test dependencies beyond the main list ------------------------------
# libxlsxwriter-dev for --format xlsx; parallel, unzip and groff-base (the man
# page check) for tests/batch; an sshd, ssh and rsync for tests/multihost
# (sshd by its path: /usr/sbin is not in every user's PATH). The main deps
# target installs them.
DEP_MODULES  += xlsxwriter:libxlsxwriter-dev
DEP_COMMANDS += parallel:parallel unzip:unzip groff:groff-base xmllint:libxml2-utils
DEP_COMMANDS += /usr/sbin/sshd:openssh-server ssh:openssh-client rsync:rsync

# ---- install ---------------------------------------------------------------------------

BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
DATADIR      ?= $(PREFIX)/share
MANDIR       ?= $(DATADIR)/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
INSTALL      ?= install

PATTERNS_INSTALLED := $(notdir $(PATTERNS)) README.md

.PHONY: install uninstall
install: $(BUILD)/baogao $(BUILD)/libbaogao.a $(BUILD)/libbaogao.so.$(VERSION) baogao.pc.in man/baogao.1
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) \
	    $(DESTDIR)$(DATADIR)/baogao/patterns $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 755 $(BUILD)/baogao $(DESTDIR)$(BINDIR)/baogao
	$(INSTALL) -m 644 $(BUILD)/libbaogao.a $(DESTDIR)$(LIBDIR)/libbaogao.a
	$(INSTALL) -m 755 $(BUILD)/libbaogao.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libbaogao.so.$(VERSION)
	ln -sf libbaogao.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libbaogao.so.$(SOMAJOR)
	ln -sf libbaogao.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libbaogao.so
	$(INSTALL) -m 644 lib/baogao.h $(DESTDIR)$(INCLUDEDIR)/baogao.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' \
	    -e 's|@DATADIR@|$(DATADIR)|g' -e 's|@VERSION@|$(VERSION)|g' baogao.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/libbaogao.pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/libbaogao.pc
	$(INSTALL) -m 644 $(PATTERNS) patterns/README.md $(DESTDIR)$(DATADIR)/baogao/patterns/
	$(INSTALL) -m 644 schema/baogao.schema.json $(DESTDIR)$(DATADIR)/baogao/baogao.schema.json
	$(INSTALL) -m 644 schema/baogao-error.schema.json $(DESTDIR)$(DATADIR)/baogao/baogao-error.schema.json
	$(INSTALL) -m 644 man/baogao.1 $(DESTDIR)$(MANDIR)/man1/baogao.1
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && command -v ldconfig >/dev/null; then ldconfig; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/baogao $(DESTDIR)$(INCLUDEDIR)/baogao.h $(DESTDIR)$(PKGCONFIGDIR)/libbaogao.pc \
	    $(DESTDIR)$(LIBDIR)/libbaogao.a $(DESTDIR)$(LIBDIR)/libbaogao.so $(DESTDIR)$(LIBDIR)/libbaogao.so.$(SOMAJOR) \
	    $(DESTDIR)$(LIBDIR)/libbaogao.so.$(VERSION) $(DESTDIR)$(MANDIR)/man1/baogao.1 \
	    $(DESTDIR)$(DATADIR)/baogao/baogao.schema.json $(DESTDIR)$(DATADIR)/baogao/baogao-error.schema.json \
	    $(addprefix $(DESTDIR)$(DATADIR)/baogao/patterns/,$(PATTERNS_INSTALLED))
	rmdir $(DESTDIR)$(DATADIR)/baogao/patterns $(DESTDIR)$(DATADIR)/baogao 2>/dev/null || true
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && command -v ldconfig >/dev/null; then ldconfig; fi

# ---- the batch tests' helper -------------------------------------------------------------
all: $(BUILD)/tests/wholejson
$(BUILD)/tests/wholejson: tests/batch/wholejson.c | $(BUILD)/tests deps
	$(CC) $(STD) $(WARN) $(CFLAGS) $(SANFLAGS) $(DEP_CFLAGS) -o $@ $< $(DEP_LIBS)
