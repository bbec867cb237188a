package org.gridcase.resident;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridcase.system.PlainText;

/** 我也遇到了: who joins a case, both optional (the phone for the call back and for 我的反映). */
record JoinRequest(
        @Size(max = 50, message = "不能超过 50 个字符") @PlainText String name,
        @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "必须是手机号（11 位）或带区号的座机号")
        String phone) {
}
