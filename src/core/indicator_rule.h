/* indicator_rule.h — the parsed form of an indicator rule (private to
 * src/core/indicator*.c). The language is described in bps14.ind. */
#ifndef SIKS_INDICATOR_RULE_H
#define SIKS_INDICATOR_RULE_H
#include "siks/codes.h"
#include "siks/rec.h"

#define IR_MAX_TERMS 8
#define IR_MAX_CODES 24

enum { IR_HOUSEHOLD = 1, IR_HEAD, IR_PER_PERSON };
enum { IR_LT = 1, IR_LE, IR_GT, IR_GE, IR_EQ, IR_NE, IR_IN };

typedef struct ir_term {
	int scope;            /* IR_HOUSEHOLD / IR_HEAD / IR_PER_PERSON */
	char field[32];
	int op;
	char list[32];        /* for IR_IN: the code list */
	int codes[IR_MAX_CODES], ncodes;
	double num;           /* for comparisons */
	int or_before;        /* 1: "or" precedes this term, 0: "and" (or first) */
} ir_term;

typedef struct ir_rule {
	int answered;         /* 1: a yes/no answer, no terms */
	int nterms;
	ir_term t[IR_MAX_TERMS];
} ir_rule;

/* What a rule is evaluated against; head may be NULL (no head present). */
typedef struct ir_ctx {
	const siks_rec *household, *head;
	int present;          /* members present */
} ir_ctx;

/* Parses text; checks fields against tables.c and, when codes is not NULL,
 * code values against the lists. */
int ir_parse(ir_rule *r, const char *text, const siks_codes *codes, siks_err *e);
/* 1 met, 0 not met, -1 unknown (an empty field decides). */
int ir_eval(const ir_rule *r, const ir_ctx *cx);
#endif
