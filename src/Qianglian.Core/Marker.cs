namespace Qianglian.Core; public static class Marker {}
