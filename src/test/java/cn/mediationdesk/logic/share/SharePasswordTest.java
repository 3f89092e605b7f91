package cn.mediationdesk.logic.share;

import cn.mediationdesk.logic.store.DatabaseKey;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The one password the other PCs type: printed in groups, read back forgivingly, split as H2 needs. */
class SharePasswordTest {

    @Test
    void anEncryptedFilesPasswordCarriesTheKeyAndSplitsIntoH2sTwoPasswords() {
        DatabaseKey key = DatabaseKey.generate();
        SharePassword password = new SharePassword(SharePassword.newAccountPassword(), Optional.of(key));
        assertThat(password.text()).matches("([0-9A-Z]{4}-){13}[0-9A-Z]{4}");
        assertThat(SharePassword.parse(password.text())).contains(password);
        assertThat(password.h2Password()).isEqualTo(key.filePassword() + " " + password.account());
    }

    @Test
    void typingMistakesPeopleMakeAreForgiven() {
        SharePassword password = new SharePassword("0123456789ABCDEFGHJKMNPQ", Optional.of(DatabaseKey.generate()));
        String typed = password.text().toLowerCase(Locale.ROOT).replace('-', ' ').replace('0', 'o').replace('1', 'l');
        assertThat(SharePassword.parse(typed)).contains(password);
    }

    @Test
    void anUnencryptedFilesPasswordIsTheAccountsAlone() {
        SharePassword password = new SharePassword(SharePassword.newAccountPassword(), Optional.empty());
        assertThat(password.text()).matches("([0-9A-Z]{4}-){5}[0-9A-Z]{4}");
        assertThat(SharePassword.parse(password.text())).contains(password);
        assertThat(password.h2Password()).isEqualTo(password.account());
    }

    @Test
    void whatIsNoSharePasswordIsNotReadAsOne() {
        assertThat(SharePassword.parse("s3cret")).isEmpty();
        assertThat(SharePassword.parse("")).isEmpty();
        assertThat(SharePassword.parse(null)).isEmpty();
        assertThat(SharePassword.parse("0123456789ABCDEFGHJKMNPQ-XYZ")).as("a cut-off key").isEmpty();
    }

    @Test
    void newAccountPasswordsDiffer() {
        assertThat(SharePassword.newAccountPassword()).isNotEqualTo(SharePassword.newAccountPassword())
                .matches("[" + SharePassword.ALPHABET + "]{24}");
    }

    @Test
    void neverShownInALogLine() {
        assertThat(new SharePassword(SharePassword.newAccountPassword(), Optional.empty()).toString()).doesNotContainPattern("[0-9A-Z]{24}");
    }
}
