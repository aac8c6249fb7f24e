// The one bridge between Blazor and Apache ECharts (wwwroot/lib/echarts, brought in by npm at build).
window.qianglianCharts = {
    render(elementId, option, dotnetRef) {
        const element = document.getElementById(elementId);
        if (!element || !window.echarts) return;
        const chart = echarts.getInstanceByDom(element) || echarts.init(element, null, { renderer: 'canvas' });
        chart.setOption(option, true);
        chart.off('click');
        if (dotnetRef) {
            chart.on('click', p => { if (p.data && p.data.id) dotnetRef.invokeMethodAsync('OnChartClick', p.data.id); });
        }
        if (!element.dataset.resizeWatch) {
            element.dataset.resizeWatch = '1';
            window.addEventListener('resize', () => chart.resize());
        }
    },
    // Pixel position of a data item, for browser tests that click a node like a person would.
    positionOf(elementId, itemId) {
        const chart = echarts.getInstanceByDom(document.getElementById(elementId));
        const data = chart.getOption().series[0].data;
        const item = data.find(d => d.id === itemId);
        if (!item) return null;
        const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [item.x, item.y]);
        const box = document.getElementById(elementId).getBoundingClientRect();
        return { x: box.left + x, y: box.top + y };
    },
    downloadPng(elementId, fileName) {
        const chart = echarts.getInstanceByDom(document.getElementById(elementId));
        const link = document.createElement('a');
        link.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
    },
    dispose(elementId) {
        const element = document.getElementById(elementId);
        const chart = element && echarts.getInstanceByDom(element);
        if (chart) chart.dispose();
    },
};
