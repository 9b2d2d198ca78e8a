import Testing
@testable import KPlanValidation

@Suite struct LintEnvVarSecretNameTests {
    @Test(arguments: ["DB_PASSWORD", "github_token", "Api_Key", "x-private_key-y", "SECRET", "straße_token"])
    func secretNames(_ name: String) {
        #expect(EnvVarSecretRule.suggestsHeldSecret(name))
    }

    @Test(arguments: ["TOKEN_FILE", "password_path", "Secret_Dir", "LOG_LEVEL", "", "TOKE", "PASSWÖRD", "passwd_file"])
    func otherNames(_ name: String) {
        #expect(!EnvVarSecretRule.suggestsHeldSecret(name))
    }

    /// Byte-by-byte matching agrees with upper-casing the name first, for ASCII names.
    @Test func asciiMatchingAgreesWithUppercasing() {
        let names = ["db_Password_file", "MY_CREDENTIALS", "apikey_dir", "pAsSwD", "TOKENS_PATHS", "_file", "a"]
        for name in names {
            let upper = name.uppercased()
            let expected = EnvVarSecretRule.secretWords.contains { upper.contains($0) }
                && !EnvVarSecretRule.referenceSuffixes.contains { upper.hasSuffix($0) }
            #expect(EnvVarSecretRule.suggestsHeldSecret(name) == expected, "\(name)")
        }
    }
}
