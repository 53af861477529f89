namespace Assistant.Core.Privacy;

/// <summary>What <see cref="SensitiveDataRedactor"/> removes from text a user sends.</summary>
public enum SensitiveDataKind
{
    CardNumber,
    SocialSecurityNumber,
    Secret,
}
