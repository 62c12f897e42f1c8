import { z } from "zod";
import type { EmulatorContext } from "../context";
import { validationError } from "../errors";
import type { Router } from "../http/router";
import { empty, json } from "../http/types";
import { parseOrThrow } from "../rates/schemas";

const QUESTIONS = [
  { security_question_type: "first_pet_name", security_question: "What was the name of your first pet?" },
  { security_question_type: "mother_maiden_name", security_question: "What is your mother's maiden name?" },
  { security_question_type: "city_of_birth", security_question: "In what city were you born?" },
  { security_question_type: "first_car", security_question: "What was the make of your first car?" },
  { security_question_type: "high_school", security_question: "What high school did you attend?" },
  { security_question_type: "favorite_teacher", security_question: "What was the name of your favorite teacher?" },
];
const TYPES = QUESTIONS.map((q) => q.security_question_type) as [string, ...string[]];

const ZSecurityQuestions = z
  .object({
    security_question1_type: z.enum(TYPES),
    security_question1_value: z.string().min(2).max(33),
    security_question2_type: z.enum(TYPES),
    security_question2_value: z.string().min(2).max(33),
  })
  .refine((q) => q.security_question1_type !== q.security_question2_type, { message: "choose two different questions", path: ["security_question2_type"] });

export function registerSecurityQuestionRoutes(router: Router, app: EmulatorContext): void {
  router.add("GET", "/sera/v1/security_questions", () => json(200, QUESTIONS), { auth: true });
  router.add("PUT", "/sera/v1/account/security_questions", (ctx) => {
    const answers = parseOrThrow(ZSecurityQuestions, ctx.body);
    if (ctx.account!.securityQuestions) throw validationError("Security questions are already set for this account", "security_question1_type");
    app.store.mutate((s) => {
      s.accounts.find((a) => a.account_id === ctx.account!.account_id)!.securityQuestions = [
        { type: answers.security_question1_type, value: answers.security_question1_value },
        { type: answers.security_question2_type, value: answers.security_question2_value },
      ];
    });
    return empty(200);
  }, { auth: true });
}
