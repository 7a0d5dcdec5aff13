using System.Buffers.Binary;

namespace Alerter.Tests.Messages.Templates;

/// <summary>Reads a PNG's signature and IHDR chunk by the spec (RFC 2083), independently of the code that wrote it.</summary>
internal static class PngHeader
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Size(byte[] png)
    {
        png.Length.ShouldBeGreaterThan(33);
        png[..8].ShouldBe(Signature);
        System.Text.Encoding.ASCII.GetString(png, 12, 4).ShouldBe("IHDR"); // the first chunk, always
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
