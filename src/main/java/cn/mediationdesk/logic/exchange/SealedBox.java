package cn.mediationdesk.logic.exchange;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Encryption for one office, ECIES-style: a fresh X25519 pair agrees a secret with the office's
 * agreement key, HKDF-SHA256 turns it into an AES-256-GCM key, and only the ephemeral public key and
 * the nonce travel beside the ciphertext. Only the holder of the office's private key can open it.
 */
final class SealedBox {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] INFO = Keys.utf8("MediationDesk exchange package 1: AES-256-GCM key");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @param ephemeralKey X.509 encoding of the sender's one-time public key */
    record Sealed(byte[] ephemeralKey, byte[] nonce, byte[] ciphertext) {
    }

    private SealedBox() {
    }

    /** @param associated bound to the ciphertext without being encrypted (who sends to whom) */
    static Sealed seal(byte[] plain, PublicKey recipient, byte[] associated) {
        try {
            KeyPair ephemeral = KeyPairGenerator.getInstance(Keys.AGREEMENT).generateKeyPair();
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            byte[] ephemeralKey = ephemeral.getPublic().getEncoded();
            byte[] key = derive(InstallationKeys.agree(ephemeral.getPrivate(), recipient), ephemeralKey,
                    recipient.getEncoded());
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, associated);
            return new Sealed(ephemeralKey, nonce, cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt for the office's key", e);
        }
    }

    /**
     * @throws GeneralSecurityException when it was not sealed for this key pair or was changed since
     *                                   ({@link javax.crypto.AEADBadTagException}), or a key is unusable
     * @throws IllegalArgumentException  when the ephemeral key is not an X25519 public key
     */
    static byte[] open(Sealed sealed, KeyPair recipient, byte[] associated) throws GeneralSecurityException {
        if (sealed.nonce().length != NONCE_BYTES) {
            throw new GeneralSecurityException("a nonce of " + sealed.nonce().length + " bytes");
        }
        PublicKey ephemeral = Keys.agreementPublic(sealed.ephemeralKey());
        byte[] key = derive(InstallationKeys.agree(recipient.getPrivate(), ephemeral), sealed.ephemeralKey(),
                recipient.getPublic().getEncoded());
        return cipher(Cipher.DECRYPT_MODE, key, sealed.nonce(), associated).doFinal(sealed.ciphertext());
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] associated) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associated);
        return cipher;
    }

    /**
     * HKDF-SHA256 (RFC 5869) for one 32-byte block; the salt binds the key to both public keys, so
     * the same shared secret never yields the same key for another pair.
     */
    static byte[] derive(byte[] sharedSecret, byte[] ephemeralKey, byte[] recipientKey) throws GeneralSecurityException {
        byte[] salt = Arrays.copyOf(ephemeralKey, ephemeralKey.length + recipientKey.length);
        System.arraycopy(recipientKey, 0, salt, ephemeralKey.length, recipientKey.length);
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] pseudoRandomKey = extract.doFinal(sharedSecret);
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
        expand.update(INFO);
        expand.update((byte) 1);
        return expand.doFinal();
    }
}
