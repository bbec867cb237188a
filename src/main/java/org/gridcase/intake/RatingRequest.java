package org.gridcase.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The reporter's rating: the values and words of the return-visit form (forms/ReturnVisitForm.form). */
record RatingRequest(
        @NotBlank(message = "必须填写：RESOLVED（解决）、PARTIALLY（部分解决）或 UNRESOLVED（未解决）")
        @Pattern(regexp = "RESOLVED|PARTIALLY|UNRESOLVED",
                message = "只能是 RESOLVED（解决）、PARTIALLY（部分解决）或 UNRESOLVED（未解决）") String resolution,
        @NotBlank(message = "必须填写：SATISFIED（满意）、BASICALLY_SATISFIED（基本满意）或 UNSATISFIED（不满意）")
        @Pattern(regexp = "SATISFIED|BASICALLY_SATISFIED|UNSATISFIED",
                message = "只能是 SATISFIED（满意）、BASICALLY_SATISFIED（基本满意）或 UNSATISFIED（不满意）")
        String satisfaction,
        @Size(max = 500, message = "不能超过 500 个字") String comment) {
}
