package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridcase.security.FirstAdministratorCheck.WeakAdministratorPasswordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FirstAdministratorCheckTests {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "elevenchars", "            ", "网格化管理接诉即办密码"})
    void refusesAMissingBlankOrShortPassword(String password) {
        assertThatThrownBy(() -> FirstAdministratorCheck.requireStrong(password))
                .isInstanceOf(WeakAdministratorPasswordException.class);
    }

    @Test
    void keepsThePasswordOutOfTheMessageThatIsLogged() {
        assertThatThrownBy(() -> FirstAdministratorCheck.requireStrong("elevenchars"))
                .hasMessageContaining("GRIDCASE_ADMIN_PASSWORD")
                .hasMessageNotContaining("elevenchars");
    }

    @Test
    void acceptsTwelveCharactersCountingChineseCharactersAsOne() {
        assertThatCode(() -> FirstAdministratorCheck.requireStrong("admin-secret")).doesNotThrowAnyException();
        assertThatCode(() -> FirstAdministratorCheck.requireStrong("网格化管理接诉即办的密码")).doesNotThrowAnyException();
    }
}
