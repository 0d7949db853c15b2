/**
 * The demo data set's vocabulary: the real agencies and places of Ezhou named in
 * 鄂州政发〔2018〕17号, and invented people and companies.
 */

/** Administrative division codes (行政区划代码) of Ezhou and its districts. */
export const REGION = { city: '420700', liangzihu: '420702', huarong: '420703', echeng: '420704' } as const;

export const CITY_GOVERNMENT = '鄂州市人民政府';

/** City departments, most of them named in the policy as leading or responsible units. */
export const CITY_DEPARTMENTS = [
  '鄂州市人民政府办公室',
  '鄂州市发展和改革委员会',
  '鄂州市财政局',
  '鄂州市人力资源和社会保障局',
  '鄂州市公共资源交易监督管理局',
  '鄂州市政府采购中心',
  '鄂州市招商局',
  '鄂州市民政局',
  '鄂州市教育局',
  '鄂州市卫生健康委员会',
  '鄂州市机构编制委员会办公室',
  '鄂州市司法局',
  '鄂州市住房和城乡建设局',
  '鄂州市市场监督管理局',
  '鄂州市交通运输局',
  '鄂州市生态环境局',
];

/** Districts, with their streets and townships. */
export const DISTRICTS = [
  { name: '鄂州市鄂城区人民政府', region: REGION.echeng, streets: ['凤凰街道办事处', '古楼街道办事处', '西山街道办事处'], townships: ['泽林镇', '杜山镇', '汀祖镇'] },
  { name: '鄂州市华容区人民政府', region: REGION.huarong, streets: [], townships: ['华容镇', '段店镇', '临江乡'] },
  { name: '鄂州市梁子湖区人民政府', region: REGION.liangzihu, streets: [], townships: ['太和镇', '东沟镇', '梁子镇', '沼山镇'] },
];

export const DEVELOPMENT_ZONES = ['葛店经济技术开发区管理委员会', '鄂州临空经济区管理委员会', '鄂州经济开发区管理委员会'];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
export const GIVEN_NAME_CHARACTERS = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '华', '文', '建', '志', '红', '玉', '海', '晨', '思', '佳', '雨', '欣', '宇', '浩', '博', '睿', '婷', '琳'];

/** Posts and the ranks that go with them; the flag says whether the post is a leading cadre (领导干部). */
export const POSTS: readonly (readonly [post: string, ranks: readonly string[], leading: boolean])[] = [
  ['科员', ['一级科员', '二级科员'], false],
  ['科员', ['四级主任科员', '三级主任科员'], false],
  ['副科长', ['二级主任科员', '一级主任科员'], false],
  ['科长', ['一级主任科员', '四级调研员'], true],
  ['副局长', ['三级调研员', '二级调研员'], true],
  ['局长', ['一级调研员'], true],
];

export const ENTERPRISE_WORDS = ['长江', '楚天', '凤凰', '吴都', '洋澜', '莲花', '武昌鱼', '梁湖', '葛山', '临空', '东方', '华中', '鄂东', '汇通', '恒信', '宏达', '新港', '顺丰源', '明远', '瑞丰'];
export const ENTERPRISE_TRADES = ['建筑工程', '市政工程', '信息技术', '医疗器械', '物业服务', '园林绿化', '交通设施', '办公设备', '环保科技', '建材贸易'];
