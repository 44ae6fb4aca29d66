package classify

// simplifiedHan maps a traditional Chinese character, or a Japanese
// form that differs from the simplified one, to its simplified Chinese
// form, for the characters of goods descriptions: 手錶 and 手表, 鑽石 and
// 钻石, 乗用車 and 乘用车 are then one key. It is not a full conversion
// table; characters whose simplified form is ambiguous (乾, 後, 裏, 著)
// are left alone.
func simplifiedHan(r rune) (rune, bool) {
	switch r {
	case '両':
		return '两', true
	case '並':
		return '并', true
	case '乗':
		return '乘', true
	case '亀':
		return '龟', true
	case '亜':
		return '亚', true
	case '亞':
		return '亚', true
	case '仏':
		return '佛', true
	case '仮':
		return '假', true
	case '伝':
		return '传', true
	case '併':
		return '并', true
	case '価':
		return '价', true
	case '個':
		return '个', true
	case '倫':
		return '伦', true
	case '傘':
		return '伞', true
	case '傢':
		return '家', true
	case '價':
		return '价', true
	case '儀':
		return '仪', true
	case '優':
		return '优', true
	case '儲':
		return '储', true
	case '児':
		return '儿', true
	case '兒':
		return '儿', true
	case '円':
		return '圆', true
	case '凍':
		return '冻', true
	case '処':
		return '处', true
	case '剎':
		return '刹', true
	case '剣':
		return '剑', true
	case '剤':
		return '剂', true
	case '劍':
		return '剑', true
	case '労':
		return '劳', true
	case '動':
		return '动', true
	case '務':
		return '务', true
	case '勞':
		return '劳', true
	case '勧':
		return '劝', true
	case '勵':
		return '励', true
	case '単':
		return '单', true
	case '厳':
		return '严', true
	case '參':
		return '参', true
	case '収':
		return '收', true
	case '單':
		return '单', true
	case '営':
		return '营', true
	case '団':
		return '团', true
	case '囲':
		return '围', true
	case '図':
		return '图', true
	case '國':
		return '国', true
	case '圍':
		return '围', true
	case '園':
		return '园', true
	case '圓':
		return '圆', true
	case '團':
		return '团', true
	case '圧':
		return '压', true
	case '執':
		return '执', true
	case '報':
		return '报', true
	case '場':
		return '场', true
	case '塁':
		return '垒', true
	case '塊':
		return '块', true
	case '塩':
		return '盐', true
	case '墊':
		return '垫', true
	case '増':
		return '增', true
	case '墜':
		return '坠', true
	case '墳':
		return '坟', true
	case '壓':
		return '压', true
	case '壞':
		return '坏', true
	case '売':
		return '卖', true
	case '壺':
		return '壶', true
	case '変':
		return '变', true
	case '夢':
		return '梦', true
	case '夾':
		return '夹', true
	case '奨':
		return '奖', true
	case '奪':
		return '夺', true
	case '奮':
		return '奋', true
	case '姫':
		return '姬', true
	case '婦':
		return '妇', true
	case '媽':
		return '妈', true
	case '嬰':
		return '婴', true
	case '學':
		return '学', true
	case '実':
		return '实', true
	case '實':
		return '实', true
	case '審':
		return '审', true
	case '寫':
		return '写', true
	case '寬':
		return '宽', true
	case '寵':
		return '宠', true
	case '寶':
		return '宝', true
	case '対':
		return '对', true
	case '専':
		return '专', true
	case '將':
		return '将', true
	case '專':
		return '专', true
	case '尋':
		return '寻', true
	case '對':
		return '对', true
	case '導':
		return '导', true
	case '層':
		return '层', true
	case '屬':
		return '属', true
	case '島':
		return '岛', true
	case '峽':
		return '峡', true
	case '嶺':
		return '岭', true
	case '巣':
		return '巢', true
	case '巻':
		return '卷', true
	case '帯':
		return '带', true
	case '帰':
		return '归', true
	case '帳':
		return '帐', true
	case '帶':
		return '带', true
	case '幣':
		return '币', true
	case '幫':
		return '帮', true
	case '庁':
		return '厅', true
	case '広':
		return '广', true
	case '廂':
		return '厢', true
	case '廃':
		return '废', true
	case '廠':
		return '厂', true
	case '廢':
		return '废', true
	case '廣':
		return '广', true
	case '廳':
		return '厅', true
	case '廻':
		return '回', true
	case '張':
		return '张', true
	case '弾':
		return '弹', true
	case '彈':
		return '弹', true
	case '彎':
		return '弯', true
	case '彫':
		return '雕', true
	case '従':
		return '从', true
	case '從':
		return '从', true
	case '復':
		return '复', true
	case '徳':
		return '德', true
	case '徵':
		return '征', true
	case '応':
		return '应', true
	case '悩':
		return '恼', true
	case '悪':
		return '恶', true
	case '愛':
		return '爱', true
	case '態':
		return '态', true
	case '慶':
		return '庆', true
	case '憶':
		return '忆', true
	case '應':
		return '应', true
	case '懸':
		return '悬', true
	case '戀':
		return '恋', true
	case '戦':
		return '战', true
	case '戰':
		return '战', true
	case '戲':
		return '戏', true
	case '戶':
		return '户', true
	case '抜':
		return '拔', true
	case '択':
		return '择', true
	case '拝':
		return '拜', true
	case '拡':
		return '扩', true
	case '挙':
		return '举', true
	case '挿':
		return '插', true
	case '捜':
		return '搜', true
	case '捲':
		return '卷', true
	case '掛':
		return '挂', true
	case '揺':
		return '摇', true
	case '摂':
		return '摄', true
	case '擁':
		return '拥', true
	case '擇':
		return '择', true
	case '擊':
		return '击', true
	case '據':
		return '据', true
	case '擴':
		return '扩', true
	case '擺':
		return '摆', true
	case '攜':
		return '携', true
	case '攝':
		return '摄', true
	case '敵':
		return '敌', true
	case '數':
		return '数', true
	case '斉':
		return '齐', true
	case '斷':
		return '断', true
	case '時':
		return '时', true
	case '晉':
		return '晋', true
	case '晝':
		return '昼', true
	case '晩':
		return '晚', true
	case '暦':
		return '历', true
	case '曆':
		return '历', true
	case '曉':
		return '晓', true
	case '書':
		return '书', true
	case '會':
		return '会', true
	case '東':
		return '东', true
	case '栄':
		return '荣', true
	case '桜':
		return '樱', true
	case '桿':
		return '杆', true
	case '條':
		return '条', true
	case '検':
		return '检', true
	case '業':
		return '业', true
	case '楽':
		return '乐', true
	case '槓':
		return '杠', true
	case '様':
		return '样', true
	case '樂':
		return '乐', true
	case '樓':
		return '楼', true
	case '標':
		return '标', true
	case '樣':
		return '样', true
	case '権':
		return '权', true
	case '樹':
		return '树', true
	case '橋':
		return '桥', true
	case '機':
		return '机', true
	case '檔':
		return '档', true
	case '檢':
		return '检', true
	case '檯':
		return '台', true
	case '檳':
		return '槟', true
	case '檸':
		return '柠', true
	case '櫃':
		return '柜', true
	case '櫥':
		return '橱', true
	case '櫻':
		return '樱', true
	case '欄':
		return '栏', true
	case '權':
		return '权', true
	case '歐':
		return '欧', true
	case '歓':
		return '欢', true
	case '歡':
		return '欢', true
	case '歩':
		return '步', true
	case '歯':
		return '齿', true
	case '歲':
		return '岁', true
	case '歳':
		return '岁', true
	case '歴':
		return '历', true
	case '歷':
		return '历', true
	case '殘':
		return '残', true
	case '殼':
		return '壳', true
	case '毎':
		return '每', true
	case '氈':
		return '毡', true
	case '気':
		return '气', true
	case '氣':
		return '气', true
	case '決':
		return '决', true
	case '沒':
		return '没', true
	case '沢':
		return '泽', true
	case '浜':
		return '滨', true
	case '涙':
		return '泪', true
	case '済':
		return '济', true
	case '測':
		return '测', true
	case '満':
		return '满', true
	case '準':
		return '准', true
	case '溫':
		return '温', true
	case '滅':
		return '灭', true
	case '滌':
		return '涤', true
	case '滿':
		return '满', true
	case '漁':
		return '渔', true
	case '漢':
		return '汉', true
	case '漿':
		return '浆', true
	case '潔':
		return '洁', true
	case '澤':
		return '泽', true
	case '濃':
		return '浓', true
	case '濕':
		return '湿', true
	case '濟':
		return '济', true
	case '瀬':
		return '濑', true
	case '灑':
		return '洒', true
	case '灣':
		return '湾', true
	case '災':
		return '灾', true
	case '烏':
		return '乌', true
	case '無':
		return '无', true
	case '焼':
		return '烧', true
	case '煙':
		return '烟', true
	case '熱':
		return '热', true
	case '燈':
		return '灯', true
	case '燒':
		return '烧', true
	case '燭':
		return '烛', true
	case '燻':
		return '熏', true
	case '爐':
		return '炉', true
	case '爛':
		return '烂', true
	case '爭':
		return '争', true
	case '爺':
		return '爷', true
	case '爾':
		return '尔', true
	case '牀':
		return '床', true
	case '牆':
		return '墙', true
	case '犧':
		return '牺', true
	case '狀':
		return '状', true
	case '猟':
		return '猎', true
	case '獎':
		return '奖', true
	case '獣':
		return '兽', true
	case '獨':
		return '独', true
	case '獲':
		return '获', true
	case '獸':
		return '兽', true
	case '獺':
		return '獭', true
	case '玀':
		return '猡', true
	case '現':
		return '现', true
	case '瑣':
		return '琐', true
	case '瑪':
		return '玛', true
	case '環':
		return '环', true
	case '產':
		return '产', true
	case '畢':
		return '毕', true
	case '畫':
		return '画', true
	case '當':
		return '当', true
	case '瘋':
		return '疯', true
	case '療':
		return '疗', true
	case '発':
		return '发', true
	case '發':
		return '发', true
	case '盜':
		return '盗', true
	case '盡':
		return '尽', true
	case '監':
		return '监', true
	case '盤':
		return '盘', true
	case '盧':
		return '卢', true
	case '県':
		return '县', true
	case '睏':
		return '困', true
	case '確':
		return '确', true
	case '碼':
		return '码', true
	case '礦':
		return '矿', true
	case '禍':
		return '祸', true
	case '禮':
		return '礼', true
	case '稅':
		return '税', true
	case '種':
		return '种', true
	case '稲':
		return '稻', true
	case '穏':
		return '稳', true
	case '穩':
		return '稳', true
	case '窩':
		return '窝', true
	case '窮':
		return '穷', true
	case '竜':
		return '龙', true
	case '競':
		return '竞', true
	case '筆':
		return '笔', true
	case '節':
		return '节', true
	case '範':
		return '范', true
	case '築':
		return '筑', true
	case '簡':
		return '简', true
	case '簽':
		return '签', true
	case '簾':
		return '帘', true
	case '粋':
		return '粹', true
	case '粛':
		return '肃', true
	case '粧':
		return '妆', true
	case '糧':
		return '粮', true
	case '糰':
		return '团', true
	case '糸':
		return '丝', true
	case '紀':
		return '纪', true
	case '約':
		return '约', true
	case '紅':
		return '红', true
	case '紉':
		return '纫', true
	case '納':
		return '纳', true
	case '紐':
		return '纽', true
	case '純':
		return '纯', true
	case '紗':
		return '纱', true
	case '紙':
		return '纸', true
	case '級':
		return '级', true
	case '細':
		return '细', true
	case '組':
		return '组', true
	case '経':
		return '经', true
	case '結':
		return '结', true
	case '絨':
		return '绒', true
	case '絲':
		return '丝', true
	case '絵':
		return '绘', true
	case '絹':
		return '绢', true
	case '經':
		return '经', true
	case '続':
		return '续', true
	case '綠':
		return '绿', true
	case '綢':
		return '绸', true
	case '維':
		return '维', true
	case '網':
		return '网', true
	case '緊':
		return '紧', true
	case '総':
		return '总', true
	case '緑':
		return '绿', true
	case '線':
		return '线', true
	case '緞':
		return '缎', true
	case '編':
		return '编', true
	case '縄':
		return '绳', true
	case '縦':
		return '纵', true
	case '縫':
		return '缝', true
	case '縮':
		return '缩', true
	case '總':
		return '总', true
	case '繊':
		return '纤', true
	case '織':
		return '织', true
	case '繩':
		return '绳', true
	case '繪':
		return '绘', true
	case '纖':
		return '纤', true
	case '缶':
		return '罐', true
	case '罰':
		return '罚', true
	case '罷':
		return '罢', true
	case '羅':
		return '罗', true
	case '義':
		return '义', true
	case '習':
		return '习', true
	case '聖':
		return '圣', true
	case '聯':
		return '联', true
	case '聲':
		return '声', true
	case '聴':
		return '听', true
	case '職':
		return '职', true
	case '聽':
		return '听', true
	case '脳':
		return '脑', true
	case '腦':
		return '脑', true
	case '膚':
		return '肤', true
	case '膠':
		return '胶', true
	case '臓':
		return '脏', true
	case '臟':
		return '脏', true
	case '臺':
		return '台', true
	case '與':
		return '与', true
	case '興':
		return '兴', true
	case '舊':
		return '旧', true
	case '舗':
		return '铺', true
	case '艙':
		return '舱', true
	case '艦':
		return '舰', true
	case '芸':
		return '艺', true
	case '荘':
		return '庄', true
	case '莊':
		return '庄', true
	case '華':
		return '华', true
	case '菸':
		return '烟', true
	case '萊':
		return '莱', true
	case '葉':
		return '叶', true
	case '葯':
		return '药', true
	case '蓋':
		return '盖', true
	case '蔔':
		return '卜', true
	case '蔥':
		return '葱', true
	case '蔵':
		return '藏', true
	case '薩':
		return '萨', true
	case '薬':
		return '药', true
	case '藍':
		return '蓝', true
	case '藝':
		return '艺', true
	case '藥':
		return '药', true
	case '蘇':
		return '苏', true
	case '蘋':
		return '苹', true
	case '蘭':
		return '兰', true
	case '蘿':
		return '萝', true
	case '處':
		return '处', true
	case '虜':
		return '虏', true
	case '號':
		return '号', true
	case '蝦':
		return '虾', true
	case '蟲':
		return '虫', true
	case '蠔':
		return '蚝', true
	case '蠟':
		return '蜡', true
	case '衆':
		return '众', true
	case '術':
		return '术', true
	case '衛':
		return '卫', true
	case '補':
		return '补', true
	case '裝':
		return '装', true
	case '製':
		return '制', true
	case '複':
		return '复', true
	case '褲':
		return '裤', true
	case '襪':
		return '袜', true
	case '襯':
		return '衬', true
	case '覇':
		return '霸', true
	case '見':
		return '见', true
	case '規':
		return '规', true
	case '視':
		return '视', true
	case '覚':
		return '觉', true
	case '覧':
		return '览', true
	case '親':
		return '亲', true
	case '観':
		return '观', true
	case '覺':
		return '觉', true
	case '覽':
		return '览', true
	case '觀':
		return '观', true
	case '觸':
		return '触', true
	case '訂':
		return '订', true
	case '計':
		return '计', true
	case '訊':
		return '讯', true
	case '訓':
		return '训', true
	case '託':
		return '托', true
	case '記':
		return '记', true
	case '訪':
		return '访', true
	case '設':
		return '设', true
	case '許':
		return '许', true
	case '訳':
		return '译', true
	case '証':
		return '证', true
	case '評':
		return '评', true
	case '詞':
		return '词', true
	case '試':
		return '试', true
	case '詩':
		return '诗', true
	case '話':
		return '话', true
	case '詳':
		return '详', true
	case '誌':
		return '志', true
	case '認':
		return '认', true
	case '語':
		return '语', true
	case '誤':
		return '误', true
	case '說':
		return '说', true
	case '読':
		return '读', true
	case '課':
		return '课', true
	case '調':
		return '调', true
	case '談':
		return '谈', true
	case '請':
		return '请', true
	case '論':
		return '论', true
	case '諾':
		return '诺', true
	case '謡':
		return '谣', true
	case '證':
		return '证', true
	case '識':
		return '识', true
	case '譯':
		return '译', true
	case '議':
		return '议', true
	case '護':
		return '护', true
	case '讀':
		return '读', true
	case '讓':
		return '让', true
	case '豊':
		return '丰', true
	case '豬':
		return '猪', true
	case '貓':
		return '猫', true
	case '貝':
		return '贝', true
	case '負':
		return '负', true
	case '財':
		return '财', true
	case '貨':
		return '货', true
	case '責':
		return '责', true
	case '貴':
		return '贵', true
	case '買':
		return '买', true
	case '費':
		return '费', true
	case '貼':
		return '贴', true
	case '貿':
		return '贸', true
	case '資':
		return '资', true
	case '賓':
		return '宾', true
	case '賞':
		return '赏', true
	case '賠':
		return '赔', true
	case '賣':
		return '卖', true
	case '質':
		return '质', true
	case '賴':
		return '赖', true
	case '賺':
		return '赚', true
	case '購':
		return '购', true
	case '賽':
		return '赛', true
	case '贈':
		return '赠', true
	case '趕':
		return '赶', true
	case '趙':
		return '赵', true
	case '跡':
		return '迹', true
	case '蹤':
		return '踪', true
	case '車':
		return '车', true
	case '軍':
		return '军', true
	case '軟':
		return '软', true
	case '転':
		return '转', true
	case '軽':
		return '轻', true
	case '較':
		return '较', true
	case '載':
		return '载', true
	case '輕':
		return '轻', true
	case '輛':
		return '辆', true
	case '輪':
		return '轮', true
	case '輯':
		return '辑', true
	case '輸':
		return '输', true
	case '轂':
		return '毂', true
	case '轎':
		return '轿', true
	case '辦':
		return '办', true
	case '農':
		return '农', true
	case '辺':
		return '边', true
	case '逓':
		return '递', true
	case '這':
		return '这', true
	case '連':
		return '连', true
	case '週':
		return '周', true
	case '進':
		return '进', true
	case '遅':
		return '迟', true
	case '遊':
		return '游', true
	case '運':
		return '运', true
	case '過':
		return '过', true
	case '達':
		return '达', true
	case '違':
		return '违', true
	case '遞':
		return '递', true
	case '遠':
		return '远', true
	case '適':
		return '适', true
	case '選':
		return '选', true
	case '遺':
		return '遗', true
	case '邁':
		return '迈', true
	case '郵':
		return '邮', true
	case '鄉':
		return '乡', true
	case '酔':
		return '醉', true
	case '醜':
		return '丑', true
	case '醫':
		return '医', true
	case '醬':
		return '酱', true
	case '醸':
		return '酿', true
	case '釈':
		return '释', true
	case '釋':
		return '释', true
	case '釘':
		return '钉', true
	case '針':
		return '针', true
	case '釣':
		return '钓', true
	case '釦':
		return '扣', true
	case '鈔':
		return '钞', true
	case '鈕':
		return '钮', true
	case '鈴':
		return '铃', true
	case '鉄':
		return '铁', true
	case '鉑':
		return '铂', true
	case '鉗':
		return '钳', true
	case '鉛':
		return '铅', true
	case '鉱':
		return '矿', true
	case '銀':
		return '银', true
	case '銅':
		return '铜', true
	case '銘':
		return '铭', true
	case '銭':
		return '钱', true
	case '銳':
		return '锐', true
	case '銷':
		return '销', true
	case '銹':
		return '锈', true
	case '鋁':
		return '铝', true
	case '鋅':
		return '锌', true
	case '鋭':
		return '锐', true
	case '鋳':
		return '铸', true
	case '鋸':
		return '锯', true
	case '鋼':
		return '钢', true
	case '錄':
		return '录', true
	case '錘':
		return '锤', true
	case '錠':
		return '锭', true
	case '錢':
		return '钱', true
	case '錦':
		return '锦', true
	case '錨':
		return '锚', true
	case '錫':
		return '锡', true
	case '錯':
		return '错', true
	case '録':
		return '录', true
	case '錶':
		return '表', true
	case '鍊':
		return '链', true
	case '鍋':
		return '锅', true
	case '鍍':
		return '镀', true
	case '鍛':
		return '锻', true
	case '鍵':
		return '键', true
	case '鍾':
		return '钟', true
	case '鎖':
		return '锁', true
	case '鎮':
		return '镇', true
	case '鎳':
		return '镍', true
	case '鏈':
		return '链', true
	case '鏡':
		return '镜', true
	case '鏽':
		return '锈', true
	case '鐘':
		return '钟', true
	case '鐲':
		return '镯', true
	case '鐳':
		return '镭', true
	case '鐵':
		return '铁', true
	case '鑄':
		return '铸', true
	case '鑑':
		return '鉴', true
	case '鑒':
		return '鉴', true
	case '鑰':
		return '钥', true
	case '鑽':
		return '钻', true
	case '長':
		return '长', true
	case '門':
		return '门', true
	case '閃':
		return '闪', true
	case '閉':
		return '闭', true
	case '開':
		return '开', true
	case '閒':
		return '闲', true
	case '間':
		return '间', true
	case '関':
		return '关', true
	case '閱':
		return '阅', true
	case '闆':
		return '板', true
	case '闘':
		return '斗', true
	case '關':
		return '关', true
	case '陣':
		return '阵', true
	case '陰':
		return '阴', true
	case '陳':
		return '陈', true
	case '陸':
		return '陆', true
	case '険':
		return '险', true
	case '陽':
		return '阳', true
	case '隊':
		return '队', true
	case '階':
		return '阶', true
	case '際':
		return '际', true
	case '隨':
		return '随', true
	case '險':
		return '险', true
	case '隱':
		return '隐', true
	case '隷':
		return '隶', true
	case '雑':
		return '杂', true
	case '雖':
		return '虽', true
	case '雙':
		return '双', true
	case '雜':
		return '杂', true
	case '雞':
		return '鸡', true
	case '離':
		return '离', true
	case '難':
		return '难', true
	case '電':
		return '电', true
	case '霊':
		return '灵', true
	case '靈':
		return '灵', true
	case '靜':
		return '静', true
	case '韋':
		return '韦', true
	case '韓':
		return '韩', true
	case '響':
		return '响', true
	case '頁':
		return '页', true
	case '項':
		return '项', true
	case '順':
		return '顺', true
	case '須':
		return '须', true
	case '預':
		return '预', true
	case '頓':
		return '顿', true
	case '領':
		return '领', true
	case '頭':
		return '头', true
	case '頸':
		return '颈', true
	case '頻':
		return '频', true
	case '頼':
		return '赖', true
	case '題':
		return '题', true
	case '額':
		return '额', true
	case '顏':
		return '颜', true
	case '顔':
		return '颜', true
	case '願':
		return '愿', true
	case '類':
		return '类', true
	case '顧':
		return '顾', true
	case '風':
		return '风', true
	case '飄':
		return '飘', true
	case '飛':
		return '飞', true
	case '飯':
		return '饭', true
	case '飲':
		return '饮', true
	case '飼':
		return '饲', true
	case '飽':
		return '饱', true
	case '飾':
		return '饰', true
	case '餃':
		return '饺', true
	case '餅':
		return '饼', true
	case '養':
		return '养', true
	case '餘':
		return '余', true
	case '館':
		return '馆', true
	case '饅':
		return '馒', true
	case '馬':
		return '马', true
	case '駅':
		return '驿', true
	case '駆':
		return '驱', true
	case '駐':
		return '驻', true
	case '駛':
		return '驶', true
	case '騎':
		return '骑', true
	case '騒':
		return '骚', true
	case '験':
		return '验', true
	case '騰':
		return '腾', true
	case '騾':
		return '骡', true
	case '驗':
		return '验', true
	case '驚':
		return '惊', true
	case '驢':
		return '驴', true
	case '髄':
		return '髓', true
	case '髒':
		return '脏', true
	case '體':
		return '体', true
	case '髪':
		return '发', true
	case '髮':
		return '发', true
	case '鬆':
		return '松', true
	case '鬥':
		return '斗', true
	case '鬧':
		return '闹', true
	case '魚':
		return '鱼', true
	case '魯':
		return '鲁', true
	case '魷':
		return '鱿', true
	case '鮑':
		return '鲍', true
	case '鮪':
		return '鲔', true
	case '鮭':
		return '鲑', true
	case '鮮':
		return '鲜', true
	case '鯉':
		return '鲤', true
	case '鯨':
		return '鲸', true
	case '鰻':
		return '鳗', true
	case '鱈':
		return '鳕', true
	case '鱘':
		return '鲟', true
	case '鱷':
		return '鳄', true
	case '鳥':
		return '鸟', true
	case '鳳':
		return '凤', true
	case '鴎':
		return '鸥', true
	case '鴕':
		return '鸵', true
	case '鴨':
		return '鸭', true
	case '鴻':
		return '鸿', true
	case '鵝':
		return '鹅', true
	case '鶏':
		return '鸡', true
	case '鶴':
		return '鹤', true
	case '鹹':
		return '咸', true
	case '鹽':
		return '盐', true
	case '麗':
		return '丽', true
	case '麥':
		return '麦', true
	case '麵':
		return '面', true
	case '麼':
		return '么', true
	case '黃':
		return '黄', true
	case '黒':
		return '黑', true
	case '黙':
		return '默', true
	case '點':
		return '点', true
	case '黨':
		return '党', true
	case '齊':
		return '齐', true
	case '齒':
		return '齿', true
	case '齡':
		return '龄', true
	case '齢':
		return '龄', true
	case '龍':
		return '龙', true
	case '龜':
		return '龟', true
	}
	return r, false
}
