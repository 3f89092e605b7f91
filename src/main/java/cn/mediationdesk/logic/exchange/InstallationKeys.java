package cn.mediationdesk.logic.exchange;

import javax.crypto.KeyAgreement;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * Who this installation is when it exchanges packages: its id, an Ed25519 pair that signs what it
 * sends and an X25519 pair that lets others encrypt packages for it. The private halves never leave
 * the installation; {@link #publicPart} is what other offices are given.
 */
public record InstallationKeys(UUID installationId, KeyPair signing, KeyPair agreement) {

    /** As the database keeps them: base64 PKCS#8 for the private keys, base64 X.509 for the public ones. */
    public record StoredKeys(UUID installationId, String signingPrivate, String signingPublic,
                             String agreementPrivate, String agreementPublic) {
        /** Without the private keys: a record's own text would put them in any log it reaches. */
        @Override
        public String toString() {
            return "StoredKeys[installationId=" + installationId + ", signingPublic=" + signingPublic
                    + ", agreementPublic=" + agreementPublic + ", private keys hidden]";
        }
    }

    public InstallationKeys {
        Objects.requireNonNull(installationId, "installationId");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(agreement, "agreement");
        Keys.checked(signing.getPublic(), Keys.SIGNING);
        Keys.checked(signing.getPrivate(), Keys.SIGNING);
        Keys.checked(agreement.getPublic(), Keys.AGREEMENT);
        Keys.checked(agreement.getPrivate(), Keys.AGREEMENT);
    }

    /** A new installation id with fresh key pairs. */
    public static InstallationKeys generate() {
        try {
            return new InstallationKeys(UUID.randomUUID(),
                    KeyPairGenerator.getInstance(Keys.SIGNING).generateKeyPair(),
                    KeyPairGenerator.getInstance(Keys.AGREEMENT).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime since 15 has Ed25519 and X25519", e);
        }
    }

    public StoredKeys toStored() {
        return new StoredKeys(installationId, Keys.encode(signing.getPrivate()), Keys.encode(signing.getPublic()),
                Keys.encode(agreement.getPrivate()), Keys.encode(agreement.getPublic()));
    }

    /**
     * The keys as stored, after checking that each private key belongs with its public key.
     *
     * @throws IllegalArgumentException when anything is missing, malformed or mismatched
     */
    public static InstallationKeys fromStored(StoredKeys stored) {
        if (stored == null || stored.installationId() == null) {
            throw new IllegalArgumentException("no installation id");
        }
        KeyPair signing = new KeyPair(Keys.signingPublic(stored.signingPublic()),
                Keys.privateKey(Keys.SIGNING, stored.signingPrivate()));
        KeyPair agreement = new KeyPair(Keys.agreementPublic(stored.agreementPublic()),
                Keys.privateKey(Keys.AGREEMENT, stored.agreementPrivate()));
        checkSigningPair(signing);
        checkAgreementPair(agreement);
        return new InstallationKeys(stored.installationId(), signing, agreement);
    }

    /** What another office needs to check this installation's packages and encrypt packages for it. */
    public OfficeKey publicPart(String jurisdiction) {
        return new OfficeKey(installationId, jurisdiction, signing.getPublic(), agreement.getPublic());
    }

    /** The fingerprint of the signing public key, as {@link OfficeKey#fingerprint()}. */
    public String fingerprint() {
        return Keys.fingerprint(signing.getPublic());
    }

    private static void checkSigningPair(KeyPair pair) {
        try {
            byte[] probe = Keys.utf8("MediationDesk key check");
            Signature signer = Signature.getInstance(Keys.SIGNING);
            signer.initSign(pair.getPrivate());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(Keys.SIGNING);
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException("the signing private key does not belong to its public key");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable signing keys", e);
        }
    }

    /** Both halves agree on the same secret with a stranger's pair only if they belong together. */
    private static void checkAgreementPair(KeyPair pair) {
        try {
            KeyPair stranger = KeyPairGenerator.getInstance(Keys.AGREEMENT).generateKeyPair();
            if (!Arrays.equals(agree(pair.getPrivate(), stranger.getPublic()),
                    agree(stranger.getPrivate(), pair.getPublic()))) {
                throw new IllegalArgumentException("the agreement private key does not belong to its public key");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable agreement keys", e);
        }
    }

    static byte[] agree(PrivateKey own, PublicKey other) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance(Keys.AGREEMENT);
        agreement.init(own);
        agreement.doPhase(other, true);
        return agreement.generateSecret();
    }
}
