// Small browser helpers of Qianglian. Kept dependency-free.
window.qianglian = {
    // Blazor circuits send no HTTP requests, so the sliding sign-in cookie would expire while the user works.
    // This pings /account/keepalive at most every 5 minutes while there is activity, and signs out after
    // `idleMs` without any.
    startIdleWatch(idleMs) {
        // Called from the layout's first interactive render: also tells browser tests the page is live.
        window.qianglian.interactive = true;
        let last = Date.now();
        let lastPing = Date.now();
        const touch = () => {
            last = Date.now();
            if (last - lastPing > 5 * 60 * 1000) {
                lastPing = last;
                fetch('/account/keepalive', { method: 'POST', credentials: 'same-origin' });
            }
        };
        ['mousedown', 'keydown', 'scroll', 'touchstart'].forEach(e => window.addEventListener(e, touch, { passive: true }));
        setInterval(() => {
            if (Date.now() - last >= idleMs) window.location.href = '/account/logout?reason=idle';
        }, 30 * 1000);
    },
    // Downloads a byte array produced by the server as a file.
    download(fileName, contentType, base64) {
        const link = document.createElement('a');
        link.href = `data:${contentType};base64,${base64}`;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
    },
};
