namespace ServiceDefaults;

/// <summary>Whether a file named in the settings (a password, a token, a certificate, a settings file) can be read.</summary>
public static class ReadableFile
{
    /// <summary>Null when this process can open <paramref name="path"/> for reading; otherwise why not, for a person.</summary>
    public static string? Problem(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return null;
        }
        catch (FileNotFoundException)
        {
            return "does not exist";
        }
        catch (DirectoryNotFoundException)
        {
            return $"does not exist (nor does its directory {Path.GetDirectoryName(Path.GetFullPath(path))})";
        }
        catch (UnauthorizedAccessException)
        {
            var mode = "";
            try
            {
                mode = OperatingSystem.IsWindows() ? "" : $" (mode {Convert.ToString((int)File.GetUnixFileMode(path), 8).PadLeft(4, '0')})";
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // a directory on the way is not searchable: the mode cannot be read either
            }
            return $"cannot be read by user {Environment.UserName}{mode}: give that user read permission (e.g. chgrp to one of its groups and chmod 640)";
        }
        catch (IOException ex)
        {
            return $"cannot be read: {ex.Message.TrimEnd('.')}";
        }
    }

    /// <summary>The sentence for an unusable file: the setting, the path and the problem.</summary>
    public static string Describe(string setting, string path, string problem) => $"{setting} '{path}' {problem}.";
}
