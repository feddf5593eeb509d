/* fuzz_patterns.c — the pattern loader, through the public door a user has:
 * baogao_patterns_load(DIR). A temporary directory holds the built-in pattern
 * files; the input replaces one of them (or is added as zz_fuzz.txt), so the
 * other files stay valid and every record type's compiler and error path is
 * reachable. When the set loads, a sample report and the input itself are
 * converted with it: pattern files are data a user may write, and a strange
 * but accepted expression (one that matches the empty string, say) must not
 * hang or crash the extractors.
 *
 *   byte 0   0x80 and above: the input is added as zz_fuzz.txt (stable however
 *            many files the built-in set has, so regression inputs use it);
 *            0x7F: the first line names the file the rest replaces
 *            ("\x7f" "document.txt\n..."), also stable;
 *            below: the input replaces file number value % files, in name order
 *   bytes 1..  the pattern file
 *
 * Checks: a refused set names the file and line in a complete error; an
 * accepted set converts the sample into valid JSON. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "fuzz_common.h"
#include "patterns.h"

static char dir[64];
static size_t nfiles;
static char **file_path;            /* dir/basename of each built-in file */

static const char sample[] =
    "\xef\xbb\xbf" "高邑县医疗保障局部门2021年度整体支出绩效自评报告\n"
    "您现在所在的位置：首页 > 信息公开\n"
    "单位名称：高邑县医疗保障局    填报人：张三  联系电话：0311-84412345\n"
    "一、部门概况\n"
    "（一）基本情况\n"
    "本单位2021年度预算收入共计1,234.50万元，其中：财政拨款收入1000万元，较上年增长5%，\n"
    "主要用于医疗保障支出、人员经费等。\n"
    "1、项目资金\n"
    "（1）资金到位情况\n"
    "①到位率100%。\n"
    "第二部分 绩效情况\n"
    "— 2 —\n"
    "第3页 共10页\n"
    "项目名称\t预算数（万元）\t执行数\n"
    "医疗救助\t二百五十万元\t250\n"
    "\t近两年\n\t2020年\n\t2021年\n\n"
    "| 指标 | 分值 | 得分 |\n|---|---|---|\n| 产出 | 50 | 48 |\n"
    "序号 项目 金额 单位 年度 序号 项目 金额 单位 年度 序号 项目 金额 单位 年度 序号 项目 金额 单位 年度 "
    "序号 项目 金额 单位 年度 序号 项目 金额 单位 年度 序号 项目 金额 单位 年度 序号 项目 金额 单位 年度\n"
    "（2022年度）\n"
    "填报日期：2022年3月15日\n"
    "二〇二二年三月十五日\n";

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0) {
        perror(path);
        abort();
    }
}

static void remove_dir(void)
{
    for (size_t i = 0; i < nfiles; i++)
        unlink(file_path[i]);
    char extra[128];
    snprintf(extra, sizeof extra, "%s/zz_fuzz.txt", dir);
    unlink(extra);
    rmdir(dir);
}

/* Directories of harness processes that ended without running atexit (a
 * crash, a timeout, libFuzzer's fork mode) are removed by the next one. */
static void remove_stale_dirs(void)
{
    DIR *d = opendir("/tmp");
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        long pid;
        char end;
        if (sscanf(e->d_name, "baogao-fuzz-patterns-%ld%c", &pid, &end) != 1 || pid <= 0)
            continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        char sub[512];
        snprintf(sub, sizeof sub, "/tmp/%s", e->d_name);
        DIR *s = opendir(sub);
        struct dirent *f;
        while (s && (f = readdir(s)) != NULL) {
            char path[1024];
            if (f->d_name[0] == '.')
                continue;
            snprintf(path, sizeof path, "%s/%s", sub, f->d_name);
            unlink(path);
        }
        if (s)
            closedir(s);
        rmdir(sub);
    }
    if (d)
        closedir(d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    remove_stale_dirs();
    snprintf(dir, sizeof dir, "/tmp/baogao-fuzz-patterns-%ld", (long)getpid());
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        perror(dir);
        abort();
    }
    nfiles = bg_builtin_patterns_count;
    file_path = calloc(nfiles, sizeof *file_path);
    for (size_t i = 0; i < nfiles; i++) {
        const char *name = strrchr(bg_builtin_patterns[i].name, '/');
        name = name ? name + 1 : bg_builtin_patterns[i].name;
        file_path[i] = malloc(strlen(dir) + strlen(name) + 2);
        sprintf(file_path[i], "%s/%s", dir, name);
        write_file(file_path[i], bg_builtin_patterns[i].text, strlen(bg_builtin_patterns[i].text));
    }
    atexit(remove_dir);
    /* The untouched set must load. */
    baogao_error err;
    baogao_patterns *p = baogao_patterns_load(dir, &err);
    if (!p) {
        fprintf(stderr, "fuzz_patterns: the built-in set does not load from %s: %s:%ld: %s\n", dir, err.file,
                err.line, err.message);
        abort();
    }
    baogao_patterns_free(p);
    return 0;
}

static void convert(const baogao_patterns *p, const unsigned char *text, size_t n, int must_convert)
{
    baogao_options opt = { "sample.txt", NULL, 1 };
    baogao_error err;
    baogao_result *r = baogao_convert(p, text, n, &opt, &err);
    if (!r) {
        FZ_CHECK(!must_convert, "the sample does not convert with an accepted set: %s", err.message);
        fz_check_error(&err, n);
        return;
    }
    char *json = baogao_result_json(r, 0);
    FZ_CHECK(json != NULL, "no JSON");
    cJSON *root = cJSON_Parse(json);
    FZ_CHECK(root != NULL, "output is not JSON");
    cJSON_Delete(root);
    baogao_free(json);
    baogao_result_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t target = data[0] >= 0x80 ? nfiles : data[0] % nfiles;
    const uint8_t *text = data + 1;
    size_t len = size - 1;
    if (data[0] == 0x7F) {
        const uint8_t *nl = memchr(text, '\n', len);
        target = nfiles;
        for (size_t i = 0; nl && i < nfiles; i++) {
            const char *base = strrchr(file_path[i], '/') + 1;
            if ((size_t)(nl - text) == strlen(base) && memcmp(text, base, strlen(base)) == 0)
                target = i;
        }
        if (nl) {
            len -= (size_t)(nl + 1 - text);
            text = nl + 1;
        }
    }
    char extra[128];
    snprintf(extra, sizeof extra, "%s/zz_fuzz.txt", dir);
    const char *path = target < nfiles ? file_path[target] : extra;
    write_file(path, text, len);

    baogao_error err;
    memset(&err, 0, sizeof err);
    baogao_patterns *p = baogao_patterns_load(dir, &err);

    /* Put the directory back before anything can abort. */
    if (target < nfiles)
        write_file(path, bg_builtin_patterns[target].text, strlen(bg_builtin_patterns[target].text));
    else
        unlink(extra);

    if (!p) {
        fz_check_error(&err, (size_t)-1);
        FZ_CHECK(err.code == BAOGAO_ERR_PATTERN || err.code == BAOGAO_ERR_IO, "load failed with code %d: %s",
                 (int)err.code, err.message);
        /* The file at fault is one of the set (a record given twice may be
         * reported in an untouched file), unless a whole-set check failed,
         * which names "patterns" ("no [checks] record") or the directory (a
         * record type the pipeline needs is missing). */
        if (err.code == BAOGAO_ERR_PATTERN && strcmp(err.file, "patterns") != 0 && strcmp(err.file, dir) != 0) {
            FZ_CHECK(strncmp(err.file, dir, strlen(dir)) == 0, "error names %s:%ld, not a file of %s: %s", err.file,
                     err.line, dir, err.message);
            if (strcmp(err.file, path) != 0)
                FZ_CHECK(err.line > 0, "error in untouched %s without a line: %s", err.file, err.message);
        }
        return 0;
    }
    convert(p, (const unsigned char *)sample, sizeof sample - 1, 1);
    convert(p, text, len, 0);
    baogao_patterns_free(p);
    return 0;
}
